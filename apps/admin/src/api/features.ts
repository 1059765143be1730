import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { apiJson } from './client';
import { listQueryKey, type Collection } from './records';

export type FeatureList<P> = FeatureCollection<Geometry, P> & {
  numberMatched?: number;
  numberReturned?: number;
};

/** A page of a geometry collection (corridors, communities, incidents) as GeoJSON. */
export function useFeatureList<P>(collection: Collection, query: string) {
  return useQuery({
    queryKey: [...listQueryKey(collection), query],
    queryFn: async ({ signal }) =>
      (await apiJson<FeatureList<P>>(`/${collection}?${query}`, { signal })).data,
    placeholderData: keepPreviousData,
  });
}
