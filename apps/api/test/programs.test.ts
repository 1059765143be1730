import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';

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
