// Everything the dashboard draws, for the shared filters: the programs and their funding rows,
// the communities at risk by country, the top coverage gaps and the sites (for data quality).
import type { FundingRow } from '@atlas/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiJson } from '../../api/client';
import { useFeatures } from '../data/features';
import { usePrograms } from '../data/programs';
import type { ViewFilters } from '../view/view-state';
import {
  communityFiguresByCountry,
  fundingBreakdown,
  programsWithoutSites,
  type FundingBreakdown,
} from './aggregate';
import { useProgramFunding } from './program-funding';

interface GapsAnswer {
  gaps: { features: { properties: { name: string; country: string; need: number } }[] };
}

export interface PerAtRiskPoint {
  country: string;
  /** Population-weighted homicide rate of the country's communities at risk. */
  homicideRate: number;
  /** Committed dollars per inhabitant of those communities. */
  committedPerInhabitant: number;
}

const NO_ROWS: FundingRow[] = [];

export function useDashboardData(filters: ViewFilters) {
  const programs = usePrograms(filters);
  const funding = useProgramFunding(programs.data?.map((program) => program.id));
  const sites = useFeatures('sites', true);
  const communities = useFeatures('communities', true);
  const gapCountry = filters.country.length === 1 ? filters.country[0] : undefined;
  const gaps = useQuery({
    queryKey: ['analyst', 'coverage-gaps', gapCountry ?? null],
    queryFn: async ({ signal }) =>
      (
        await apiJson<GapsAnswer>(
          `/analysis/coverage-gaps?limit=10${gapCountry ? `&country=${gapCountry}` : ''}`,
          { signal },
        )
      ).data,
    retry: false,
  });

  const breakdown: FundingBreakdown = useMemo(
    () =>
      fundingBreakdown(
        (programs.data ?? []).map((program) => ({
          ...program,
          funding: funding.data?.get(program.id) ?? NO_ROWS,
        })),
        { countries: filters.country, fyFrom: filters.fyFrom, fyTo: filters.fyTo },
      ),
    [programs.data, funding.data, filters.country, filters.fyFrom, filters.fyTo],
  );

  const perAtRisk: PerAtRiskPoint[] = useMemo(() => {
    const figures = communityFiguresByCountry(
      (communities.data?.features ?? []).map((f) => ({
        country: String(f.properties.country),
        population: Number(f.properties.population),
        homicideRate: Number(f.properties.homicideRate),
      })),
    );
    return breakdown.byCountry.flatMap(({ country, totals }) => {
      const community = figures.get(country);
      if (!community || community.population === 0) return [];
      return [
        {
          country,
          homicideRate: community.homicideRate,
          committedPerInhabitant: totals.committed / community.population,
        },
      ];
    });
  }, [communities.data, breakdown.byCountry]);

  const quality = useMemo(() => {
    // The sites of the filtered programs (in the chosen countries, when some are chosen).
    const programIds = new Set((programs.data ?? []).map((program) => program.id));
    const features = (sites.data?.features ?? []).filter(
      (f) =>
        programIds.has(String(f.properties.programId)) &&
        (filters.country.length === 0 ||
          filters.country.some((country) => country === f.properties.country)),
    );
    const ids = new Set(features.map((f) => String(f.properties.programId)));
    const byPrecision = new Map<number, number>();
    for (const site of features) {
      const code = Number(site.properties.precision);
      byPrecision.set(code, (byPrecision.get(code) ?? 0) + 1);
    }
    return {
      withoutSites: sites.data ? programsWithoutSites(programs.data ?? [], ids) : [],
      byPrecision: [...byPrecision].sort((a, b) => a[0] - b[0]),
    };
  }, [sites.data, programs.data, filters.country]);

  return {
    programs,
    /** The funding rows have arrived for the programs listed. */
    fundingReady:
      programs.isSuccess &&
      !programs.isPlaceholderData &&
      funding.isSuccess &&
      !funding.isPlaceholderData,
    fundingError: funding.error,
    breakdown,
    perAtRisk,
    quality,
    gaps,
  };
}
