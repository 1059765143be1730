import type { CountryCode, ProgramLine } from '@atlas/domain';
import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { ApiError, getJson, isRecord } from './client';

/** The properties of a site as `GET /api/v1/sites` returns them. */
export interface SiteProperties {
  id: string;
  programId: string;
  name: string;
  precision: number;
  country: CountryCode | null;
  department: string | null;
  programTitle: string;
  line: ProgramLine;
}

export type SiteFeature = Feature<Point | Polygon | MultiPolygon, SiteProperties>;
export type SiteCollection = FeatureCollection<Point | Polygon | MultiPolygon, SiteProperties> & {
  /** How many sites match (the API pages its answer; more may match than were returned). */
  numberMatched?: number;
};

/** Fetch every site as a GeoJSON FeatureCollection. */
export async function fetchSites(signal?: AbortSignal): Promise<SiteCollection> {
  const body = await getJson('/sites', signal);
  if (!isFeatureCollection(body)) {
    throw new ApiError(200, 'The Atlas API sent sites in an unexpected format.');
  }
  return body as SiteCollection;
}

function isFeatureCollection(value: unknown): boolean {
  return isRecord(value) && value.type === 'FeatureCollection' && Array.isArray(value.features);
}

export const sitesQueryKey = ['sites'] as const;

/** The sites of every program, cached by TanStack Query. */
export function useSites() {
  return useQuery({
    queryKey: sitesQueryKey,
    queryFn: ({ signal }) => fetchSites(signal),
  });
}
