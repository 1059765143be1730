// Helpers of the analysis tests: GET/POST an analysis and check the common envelope.
import { expect } from 'vitest';
import type { AtlasApp } from '../../src/app';

export interface AnalysisBody {
  analysis: string;
  parameters: Record<string, unknown>;
  dataVersion: string;
  units: Record<string, string>;
  [field: string]: unknown;
}

function isShed(response: { statusCode: number; body: string }): boolean {
  return response.statusCode === 503 && response.body.includes('overloaded');
}

export async function analysis<T = AnalysisBody>(
  app: AtlasApp,
  headers: Record<string, string>,
  url: string,
  body?: unknown,
): Promise<T & AnalysisBody> {
  const send = () =>
    app.inject({
      method: body === undefined ? 'GET' : 'POST',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  let response = await send();
  // On PGlite a reference query runs on the event loop; the load-shedding plugin may then ask
  // for a retry (503, "overloaded"), as any client would be told to.
  for (let attempt = 0; attempt < 5 && isShed(response); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    response = await send();
  }
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.headers.etag).toMatch(/^"[\w-]{27}"$/);
  const parsed = response.json<T & AnalysisBody>();
  expect(parsed.units).toEqual({ distance: 'm', length: 'm', area: 'm2', money: 'USD' });
  expect(url).toContain(parsed.analysis);
  return parsed;
}

export interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  id?: string;
  geometry: { type: string; coordinates: unknown };
  properties: P;
}

export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export type StageTotals = { committed: number; obligated: number; disbursed: number };

export function addTotals(list: readonly StageTotals[]): StageTotals {
  return list.reduce(
    (sum, totals) => ({
      committed: sum.committed + totals.committed,
      obligated: sum.obligated + totals.obligated,
      disbursed: sum.disbursed + totals.disbursed,
    }),
    { committed: 0, obligated: 0, disbursed: 0 },
  );
}
