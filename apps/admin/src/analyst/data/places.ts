// Countries and departments from the bundled boundary files (for search and analysis pickers).
import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { countriesUrl, departmentsUrl } from '../../map/boundary-files';

export type Place = Feature<
  Geometry,
  { code: string; name: string; nameEs: string; country?: string }
>;

async function fetchCollection(url: string, signal: AbortSignal): Promise<Place[]> {
  const response = await fetch(url, { signal });
  return ((await response.json()) as FeatureCollection<Geometry, Place['properties']>).features;
}

export function usePlaces() {
  return useQuery({
    queryKey: ['analyst', 'places'],
    queryFn: async ({ signal }) => {
      const [countryList, departmentList] = await Promise.all([
        fetchCollection(countriesUrl, signal),
        fetchCollection(departmentsUrl, signal),
      ]);
      return { countries: countryList, departments: departmentList };
    },
    staleTime: Infinity,
  });
}
