// Each analysis at each scale (our endpoint alone: the analyses combine SQL and Turf, so there
// is no single raw query to set beside them). One connection: the p50 is the latency an analyst
// sees (eight at once on two cores would measure the queue). The coverage target is at 10× on
// PostGIS.
import { probe } from './probe';
import type { BenchCase } from './types';
import type { BenchEnvironment } from '../environment';

async function longestCorridor(env: BenchEnvironment): Promise<string> {
  const row = await env.database.db
    .selectFrom('corridors')
    .select('id')
    .where('deletedAt', 'is', null)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The target: coverage at 10× under 300 ms p50 on PostGIS. */
const COVERAGE_TARGET = { maxP50Ms: { ms: 300, engine: 'server', scale: 10 } } as const;

function analysisCase(
  id: string,
  path: (env: BenchEnvironment) => Promise<string> | string,
  target?: BenchCase['target'],
): BenchCase {
  return {
    id: `analysis.${id}`,
    title: `GET /api/v1/analysis/${id} (1 connection)`,
    connections: 1,
    ...(target ? { target } : {}),
    async http(env) {
      const url = await path(env);
      const response = await probe(env, url, env.auth);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text}`);
      return { path: url, headers: env.auth };
    },
  };
}

export const analysisCases: BenchCase[] = [
  analysisCase(
    'corridor-coverage',
    async (env) =>
      `/api/v1/analysis/corridor-coverage?corridor=${await longestCorridor(env)}&radiusKm=10`,
    COVERAGE_TARGET,
  ),
  analysisCase('border-crossings', () => '/api/v1/analysis/border-crossings'),
  analysisCase(
    'coverage-gaps',
    () => '/api/v1/analysis/coverage-gaps?radiusKm=10',
    COVERAGE_TARGET,
  ),
  analysisCase('summary', () => '/api/v1/analysis/summary?country=GT'),
  analysisCase('area-of-interest', () => '/api/v1/analysis/area-of-interest?department=GT-PE'),
  analysisCase('hotspots', () => '/api/v1/analysis/hotspots?resolution=5'),
  analysisCase('nearest', () => '/api/v1/analysis/nearest?lon=-90.51&lat=14.64&k=10'),
];
