import { countries, goals, programLines, roles } from '@atlas/domain';
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';

interface Entry {
  code: string | number;
  en?: string;
  es?: string;
  label?: string;
  iso3?: string;
  carsi?: boolean;
}
type ReferenceDocument = Record<string, Entry[]> & { lang?: string };

const LIST_NAMES = [
  'countries',
  'goals',
  'programLines',
  'fundingAccounts',
  'fundingStages',
  'threats',
  'corridorModes',
  'programStatuses',
  'geoPrecisions',
  'agencies',
  'confidenceLevels',
  'incidentKinds',
  'roles',
  'auditActions',
  'entityTypes',
];

describe.each(testEngines())('GET /api/v1/reference on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database);
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists every code list with English and Spanish labels, anonymously', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/reference' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const document = response.json<ReferenceDocument>();
    expect(Object.keys(document).sort()).toEqual([...LIST_NAMES].sort());
    for (const name of LIST_NAMES) {
      for (const entry of document[name] ?? []) {
        expect(entry.en, `${name} ${entry.code}`).toEqual(expect.any(String));
        expect(entry.es, `${name} ${entry.code}`).toEqual(expect.any(String));
      }
    }
    expect(document.countries).toEqual(countries.map((country) => ({ ...country })));
    expect(document.countries?.find((country) => country.code === 'MX')).toMatchObject({
      iso3: 'MEX',
      carsi: false,
    });
    expect(document.goals?.map((goal) => goal.code)).toEqual(goals.map((goal) => goal.code));
    expect(document.programLines?.map((line) => line.code)).toEqual(
      programLines.map((line) => line.code),
    );
    expect(document.roles?.map((role) => role.code)).toEqual(roles.map((role) => role.code));
  });

  it('answers one label per entry with ?lang=es', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/reference?lang=es' });
    expect(response.statusCode).toBe(200);
    const document = response.json<ReferenceDocument>();
    expect(document.lang).toBe('es');
    expect(document.countries?.find((country) => country.code === 'PA')).toEqual({
      code: 'PA',
      iso3: 'PAN',
      carsi: true,
      label: 'Panamá',
    });
    expect(document.fundingStages?.[0]).toEqual({ code: 'committed', label: 'Comprometido' });
  });

  it('is cacheable: a content ETag, Cache-Control and 304 on If-None-Match', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/reference' });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);

    const again = await app.inject({ method: 'GET', url: '/api/v1/reference' });
    expect(again.headers.etag).toBe(etag);

    const cached = await app.inject({
      method: 'GET',
      url: '/api/v1/reference',
      headers: { 'if-none-match': `"other", W/${String(etag)}` },
    });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    expect(cached.headers.etag).toBe(etag);

    const stale = await app.inject({
      method: 'GET',
      url: '/api/v1/reference',
      headers: { 'if-none-match': '"something-else"' },
    });
    expect(stale.statusCode).toBe(200);

    const spanish = await app.inject({ method: 'GET', url: '/api/v1/reference?lang=es' });
    expect(spanish.headers.etag).not.toBe(etag);
  });

  it('rejects unknown languages and parameters with problem+json', async () => {
    for (const url of ['/api/v1/reference?lang=fr', '/api/v1/reference?color=red']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
