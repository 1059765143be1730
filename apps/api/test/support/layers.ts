// Helpers for the context-layer tests (corridors, communities, incidents).
import type { AtlasDatabase } from '@atlas/db';
import { sql, type RawBuilder } from 'kysely';
import { expect } from 'vitest';
import type { AtlasApp } from '../../src/app';

export interface FeatureCollectionBody {
  type: string;
  features: { id: string; type: string; geometry: unknown; properties: Record<string, unknown> }[];
  numberMatched: number;
  numberReturned: number;
  links: { next?: string; prev?: string };
}

/** GET a list and check it is a well-formed FeatureCollection. */
export async function getCollection(
  app: AtlasApp,
  headers: Record<string, string>,
  url: string,
): Promise<FeatureCollectionBody> {
  const response = await app.inject({ method: 'GET', url, headers });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
  const body = response.json<FeatureCollectionBody>();
  expect(body.type).toBe('FeatureCollection');
  expect(body.numberReturned).toBe(body.features.length);
  return body;
}

/** Follows `links.next` from `url` to the end; returns every feature id in order. */
export async function walkPages(
  app: AtlasApp,
  headers: Record<string, string>,
  url: string,
): Promise<{ ids: string[]; numberMatched: number; pages: number }> {
  const ids: string[] = [];
  let next: string | undefined = url;
  let numberMatched = -1;
  let pages = 0;
  while (next) {
    const body = await getCollection(app, headers, next);
    if (numberMatched === -1) numberMatched = body.numberMatched;
    expect(body.numberMatched).toBe(numberMatched);
    ids.push(...body.features.map((feature) => feature.id));
    next = body.links.next;
    pages += 1;
    expect(pages).toBeLessThan(10_000);
  }
  return { ids, numberMatched, pages };
}

/** `SELECT count(*) FROM <from and where>` straight in SQL, to compare with the API. */
export async function sqlCount(adb: AtlasDatabase, query: RawBuilder<unknown>): Promise<number> {
  const result = await sql<{
    count: string | number;
  }>`SELECT count(*) AS count FROM ${query}`.execute(adb.db);
  return Number(result.rows[0]?.count);
}

export function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  pattern?: RegExp,
): void {
  expect(response.statusCode, response.body).toBe(status);
  if (pattern) expect(response.body).toMatch(pattern);
}
