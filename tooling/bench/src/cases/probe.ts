// Cases for routes other features add: a probe that turns "no such route" into NotAvailable.
import type { BenchEnvironment } from '../environment';
import { fetchPatiently } from '../load/fetch';
import { NotAvailable } from './types';

/** The answer to one GET, or NotAvailable when the route is not registered (404 problem). */
export async function probe(
  env: BenchEnvironment,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await fetchPatiently(`${env.origin}${path}`, { headers });
  if (response.status === 404 && /no route/.test(await response.clone().text())) {
    throw new NotAvailable(`${path.split('?')[0] ?? path} is not served`);
  }
  return response;
}

/** Slippy-map tile column and row of a longitude/latitude at a zoom. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}
