import type { CountryCode, Program, ProgramLine, ProgramStatus } from '@atlas/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { apiJson } from './client';
import { listQueryKey } from './records';

export type StageTotals = Record<'committed' | 'obligated' | 'disbursed', number>;
export type ProgramRecord = Program & { totals: StageTotals };
export type ProgramSummary = Omit<Program, 'funding' | 'indicators'> & { totals: StageTotals };

export interface ProgramList {
  items: ProgramSummary[];
  total: number;
  limit: number;
  offset: number;
}

/** A page of programs for a query string of filters, sort, limit and offset. */
export function usePrograms(query: string) {
  return useQuery({
    queryKey: [...listQueryKey('programs'), query],
    queryFn: async ({ signal }) =>
      (await apiJson<ProgramList>(`/programs?${query}`, { signal })).data,
    placeholderData: keepPreviousData,
  });
}

/** A site as the site lists describe it (the full record: `GET /sites/{id}`). */
export interface SiteProperties {
  id: string;
  programId: string;
  name: string;
  precision: number;
  country: CountryCode | null;
  department: string | null;
  version: number;
  programTitle: string;
  line: ProgramLine;
  status: ProgramStatus;
}
export type ProgramSites = FeatureCollection<Geometry, SiteProperties>;

export const programSitesKey = (programId: string) => ['program-sites', programId] as const;

/** A program's sites as GeoJSON features (properties are the site records). */
export function useProgramSites(programId: string | undefined) {
  return useQuery({
    queryKey: programSitesKey(programId ?? 'new'),
    queryFn: async ({ signal }) =>
      (await apiJson<ProgramSites>(`/programs/${programId ?? ''}/sites`, { signal })).data,
    enabled: programId !== undefined,
    staleTime: 0,
  });
}
