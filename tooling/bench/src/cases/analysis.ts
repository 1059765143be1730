// Each analysis at each scale (our endpoint alone: the analyses combine SQL and Turf, so there
// is no single raw query to set beside them). The coverage target is at 10× on PostGIS.
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

function analysisCase(
  id: string,
  path: (env: BenchEnvironment) => Promise<string> | string,
  quick = false,
): BenchCase {
  return {
    id: `analysis.${id}`,
    title: `GET /api/v1/analysis/${id}`,
    quick,
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
  ),
  analysisCase('border-crossings', () => '/api/v1/analysis/border-crossings'),
  analysisCase('coverage-gaps', () => '/api/v1/analysis/coverage-gaps?radiusKm=10'),
  analysisCase('summary', () => '/api/v1/analysis/summary?country=GT'),
  analysisCase('area-of-interest', () => '/api/v1/analysis/area-of-interest?department=GT-PE'),
  analysisCase('hotspots', () => '/api/v1/analysis/hotspots?resolution=5'),
  analysisCase('nearest', () => '/api/v1/analysis/nearest?lon=-90.51&lat=14.64&k=10'),
];
