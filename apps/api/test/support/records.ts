// Fixtures and HTTP shortcuts for the record tests (programs, sites, concurrency).
import type { AtlasDatabase } from '@atlas/db';
import type { Point, ProgramInput, SiteInput } from '@atlas/domain';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AtlasApp } from '../../src/app';

/** A valid program in the given countries, with funding and an indicator; unique code. */
export function programInput(overrides: Partial<ProgramInput> = {}): ProgramInput {
  return {
    code: `TEST-${randomUUID().slice(0, 8).toUpperCase()}`,
    title: 'Community policing pilot in border towns',
    titleEs: 'Piloto de policía comunitaria en pueblos fronterizos',
    summary: 'Training local officers in community policing.',
    summaryEs: 'Capacitación de agentes locales en policía comunitaria.',
    line: 'prevention',
    goals: [1, 4],
    countries: ['GT', 'HN'],
    agency: 'INL',
    partners: ['Municipalidad de Esquipulas'],
    status: 'active',
    startDate: '2020-10-01',
    endDate: '2023-09-30',
    funding: [
      { fiscalYear: 2021, account: 'INCLE', stage: 'committed', amountUsd: 1_000_000 },
      { fiscalYear: 2021, account: 'INCLE', stage: 'obligated', amountUsd: 750_000 },
      { fiscalYear: 2022, account: 'ESF', stage: 'committed', amountUsd: 500_000 },
      { fiscalYear: 2022, account: 'ESF', stage: 'disbursed', amountUsd: 200_000 },
    ],
    indicators: [
      {
        code: 'OFFICERS',
        name: 'Officers trained',
        unit: 'people',
        baseline: 0,
        target: 400,
        actual: 120,
      },
    ],
    source: null,
    illustrative: true,
    ...overrides,
  };
}

/** Points well inside a country (the site trigger derives country and department from them). */
export const POINT_IN: Record<'GT' | 'HN' | 'SV', Point> = {
  GT: { type: 'Point', coordinates: [-90.5133, 14.6415] }, // Guatemala City
  HN: { type: 'Point', coordinates: [-87.2068, 14.0723] }, // Tegucigalpa
  SV: { type: 'Point', coordinates: [-89.2182, 13.6929] }, // San Salvador
};

export function siteInput(programId: string, overrides: Partial<SiteInput> = {}): SiteInput {
  return {
    programId,
    name: 'Training centre',
    precision: 2,
    geometry: POINT_IN.GT,
    description: null,
    illustrative: true,
    ...overrides,
  };
}

export interface Sent {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as light-my-request
  json<T = Record<string, unknown>>(): T;
}

/** app.inject with a JSON body and optional If-Match. */
export async function send(
  app: AtlasApp,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: { headers?: Record<string, string>; body?: unknown; ifMatch?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
  return app.inject({
    method,
    url,
    headers,
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
}

/** POST and expect 201; answers the record and its ETag. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape
export async function createRecord<T extends { id: string; version: number }>(
  app: AtlasApp,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ record: T; etag: string }> {
  const response = await send(app, 'POST', url, { headers, body });
  expect(response.statusCode, response.body).toBe(201);
  const record = response.json<T>();
  expect(response.headers.etag).toBe(`"${record.version}"`);
  return { record, etag: String(response.headers.etag) };
}

/** Audit events of one record straight from the table, oldest first. */
export async function auditRows(adb: AtlasDatabase, entityType: string, entityId: string) {
  return adb.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('entityType', '=', entityType as never)
    .where('entityId', '=', entityId)
    .orderBy('version')
    .execute();
}
