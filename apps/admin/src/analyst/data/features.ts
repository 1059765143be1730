// Whole GeoJSON lists from the REST API, for what tiles cannot give: hexagon bins, search and
// exports of the selection. Cached per layer; reads that need sign-in are only made when allowed.
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { apiJson } from '../../api/client';
import type { DataLayer } from './sources';

export type Properties = Record<string, unknown>;
export type AnyCollection = FeatureCollection<Geometry, Properties>;

const LIMITS: Record<DataLayer, number> = {
  sites: 10_000,
  corridors: 1_000,
  communities: 2_000,
  incidents: 10_000,
};

export async function fetchFeatures(
  layer: DataLayer,
  signal?: AbortSignal,
): Promise<AnyCollection> {
  const { data } = await apiJson<AnyCollection>(`/${layer}?limit=${LIMITS[layer]}`, {
    signal,
    headers: { accept: 'application/geo+json' },
  });
  return data;
}

export function useFeatures(layer: DataLayer, enabled: boolean) {
  return useQuery({
    queryKey: ['analyst', 'features', layer],
    queryFn: ({ signal }) => fetchFeatures(layer, signal),
    enabled,
  });
}
