import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { createRecord, programInput, siteInput } from './support/records';

interface ProgramItem {
  id: string;
  code: string;
  title: string;
  line: string;
  status: string;
  countries: string[];
  goals: number[];
  startDate: string;
  totals: { committed: number; obligated: number; disbursed: number };
}

interface ProgramPage {
  items: ProgramItem[];
  total: number;
  limit: number;
  offset: number;
  links: { next?: string; prev?: string };
}

interface ErrorBody {
  statusCode: number;
  message: string;
  details: { location: string; path: string; message: string }[];
}

describe.each(testEngines())('GET /api/v1/programs on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let totalInDb: number;

  const get = async (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
    const row = await database.db
      .selectFrom('programs')
      .where('deletedAt', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    totalInDb = row.count;
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the seeded programs, 50 per page by default, with a next link', async () => {
    const response = await get('/api/v1/programs');
    expect(response.statusCode).toBe(200);
    const page = response.json<ProgramPage>();
    expect(page.total).toBe(totalInDb);
    expect(page.total).toBeGreaterThanOrEqual(60);
    expect(page.items).toHaveLength(50);
    expect(page).toMatchObject({ limit: 50, offset: 0 });
    expect(page.links.next).toBe('/api/v1/programs?limit=50&offset=50');
    expect(page.links.prev).toBeUndefined();
  });

  it('follows the next link to the rest, without overlap', async () => {
    const first = (await get('/api/v1/programs?limit=40')).json<ProgramPage>();
    const second = (await get(first.links.next!)).json<ProgramPage>();
    expect(second.offset).toBe(40);
    expect(second.items).toHaveLength(Math.min(40, first.total - 40));
    const firstIds = new Set(first.items.map((item) => item.id));
    expect(second.items.some((item) => firstIds.has(item.id))).toBe(false);
    expect(second.links.prev).toBe('/api/v1/programs?limit=40&offset=0');
  });

  it('includes countries, goals and funding totals by stage summed from the funding rows', async () => {
    const page = (await get('/api/v1/programs?limit=500')).json<ProgramPage>();
    expect(page.items).toHaveLength(totalInDb);
    const sums = await sql<{ programId: string; stage: string; amount: number }>`
      SELECT program_id, stage, sum(amount_usd)::bigint AS amount
      FROM program_funding GROUP BY program_id, stage
    `.execute(database.db);
    const expected = new Map(sums.rows.map((row) => [`${row.programId}/${row.stage}`, row.amount]));
    for (const item of page.items) {
      expect(item.countries.length).toBeGreaterThan(0);
      expect(item.goals.length).toBeGreaterThan(0);
      for (const stage of ['committed', 'obligated', 'disbursed'] as const) {
        expect(item.totals[stage]).toBe(expected.get(`${item.id}/${stage}`) ?? 0);
      }
    }
    expect(page.items.some((item) => item.totals.committed > 0)).toBe(true);
  });

  it('sorts by code, matching the database order', async () => {
    const page = (await get('/api/v1/programs?sort=code&limit=500')).json<ProgramPage>();
    const rows = await database.db
      .selectFrom('programs')
      .where('deletedAt', 'is', null)
      .select('id')
      .orderBy('code')
      .execute();
    expect(page.items.map((item) => item.id)).toEqual(rows.map((row) => row.id));
  });

  it('sorts by descending start date', async () => {
    const page = (await get('/api/v1/programs?sort=-startDate&limit=500')).json<ProgramPage>();
    const dates = page.items.map((item) => item.startDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size).toBeGreaterThan(1);
  });

  it('filters by country, line and status', async () => {
    const byCountry = (await get('/api/v1/programs?country=GT&limit=500')).json<ProgramPage>();
    expect(byCountry.total).toBeGreaterThan(0);
    expect(byCountry.total).toBeLessThan(totalInDb);
    expect(byCountry.items.every((item) => item.countries.includes('GT'))).toBe(true);
    const inGuatemala = await database.db
      .selectFrom('programs')
      .where('deletedAt', 'is', null)
      .where(sql<boolean>`'GT' = ANY(countries)`)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(byCountry.total).toBe(inGuatemala.count);

    const combined = (
      await get('/api/v1/programs?line=prevention&status=active&limit=500')
    ).json<ProgramPage>();
    expect(combined.total).toBeLessThan(totalInDb);
    for (const item of combined.items) {
      expect(item).toMatchObject({ line: 'prevention', status: 'active' });
    }
  });

  it.each([
    ['limit=0', '/limit'],
    ['limit=501', '/limit'],
    ['limit=ten', '/limit'],
    ['offset=-1', '/offset'],
    ['country=XX', '/country'],
    ['line=military', '/line'],
    ['sort=password', '/sort'],
  ])('rejects %s with 400 and a reason', async (query, path) => {
    const response = await get(`/api/v1/programs?${query}`);
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.statusCode).toBe(400);
    expect(body.message).toContain(`querystring${path}`);
    expect(body.details).toContainEqual(expect.objectContaining({ location: 'querystring', path }));
  });

  it('names the allowed codes when a country is unknown', async () => {
    const body = (await get('/api/v1/programs?country=XX')).json<ErrorBody>();
    expect(body.details).toEqual([
      {
        location: 'querystring',
        path: '/country',
        message: 'must be one of BZ, GT, SV, HN, NI, CR, PA, MX, US',
      },
    ]);
  });
});

describe.each(testEngines())('GET /api/v1/programs filters on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let ids: { market: string; border: string };

  const page = async (query: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/programs?limit=500&${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ProgramPage>();
  };
  const found = async (query: string) => (await page(query)).items.map((item) => item.id);

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
    const headers = await createPrincipalHeaders(app, database, { role: 'admin' });
    const market = await createRecord<ProgramItem & { version: number }>(
      app,
      '/api/v1/programs',
      headers,
      programInput({
        title: 'Neighbourhood watch',
        summary: 'Volunteers patrol at night.',
        titleEs: 'Vigilancia vecinal de los mercados municipales',
        summaryEs: 'Voluntarios patrullan los mercados de noche.',
        goals: [5],
        agency: 'DOJ',
        countries: ['PA'],
        funding: [{ fiscalYear: 2031, account: 'FMF', stage: 'committed', amountUsd: 10 }],
      }),
    );
    const border = await createRecord<ProgramItem & { version: number }>(
      app,
      '/api/v1/programs',
      headers,
      programInput({
        title: 'Zebrafinch border post',
        funding: [{ fiscalYear: 2033, account: 'FMF', stage: 'committed', amountUsd: 10 }],
      }),
    );
    await createRecord(app, '/api/v1/sites', headers, {
      ...siteInput(border.record.id),
      geometry: { type: 'Point', coordinates: [-77.1, 8.2] }, // Darién, Panama
    });
    ids = { market: market.record.id, border: border.record.id };
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('finds a program by a Spanish word (Spanish stemming) and by an English one', async () => {
    expect(await found('q=mercado')).toContain(ids.market);
    expect(await found('q=patrol')).toContain(ids.market);
    // Each of the four fields on its own: Spanish title, Spanish summary (and English ones).
    expect(await found('q=vigilancia')).toContain(ids.market);
    expect(await found('q=voluntario')).toContain(ids.market);
    expect(await found('q=neighbourhood')).toContain(ids.market);
    expect(await found('q=zebrafinch')).toEqual([ids.border]);
    expect(await found('q=mercado')).not.toContain(ids.border);
  });

  it('filters by goal, agency, account and fiscal-year range of the funding rows', async () => {
    const byGoal = await page('goal=5');
    expect(byGoal.items.every((item) => item.goals.includes(5))).toBe(true);
    expect(byGoal.items.map((item) => item.id)).toContain(ids.market);
    expect(await found('agency=DOJ')).toContain(ids.market);
    expect(await found('fyFrom=2031&fyTo=2031')).toEqual([ids.market]);
    expect((await found('fyFrom=2031&account=FMF')).sort()).toEqual(
      [ids.market, ids.border].sort(),
    );
    expect(await found('fyFrom=2032')).toEqual([ids.border]);
    expect(await found('fyFrom=2031&fyTo=2031&account=INCLE')).toEqual([]);
  });

  it('keeps programs with a site in the bbox', async () => {
    const inDarien = await found('bbox=-77.5,7.9,-76.8,8.5');
    expect(inDarien).toContain(ids.border);
    expect(inDarien).not.toContain(ids.market);
  });

  it.each(['colour=red', 'sort=-secret', 'goal=6', 'fyFrom=1900', 'bbox=1,2,3'])(
    'rejects %s with 400',
    async (query) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/programs?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    },
  );
});
