// CQL2 filters over HTTP on both engines: every operator in cql2-text and cql2-json selects the
// same features as a hand-written SQL condition; malformed filters, unknown properties and type
// mismatches are 400 with a reason; injection attempts stay bound values.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { sqlCount } from '../support/layers';
import { getItems, itemsUrl } from './support';
import { CASES, prop } from './cql2-cases';
import { MORE_CASES } from './cql2-cases-more';

describe.each(testEngines())('CQL2 filters on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const matched = async (collection: string, filter: string, lang: string) => {
    const body = await getItems(
      app,
      itemsUrl(collection, { filter, 'filter-lang': lang, limit: '10000', skipGeometry: 'true' }),
      headers,
    );
    return body.features.map((feature) => feature.id).sort();
  };

  it('selects the same features in both encodings as the SQL condition', async () => {
    const nonEmpty: string[] = [];
    for (const { collection, text, json, from } of [...CASES, ...MORE_CASES]) {
      const expected = await sqlCount(adb, from);
      const byText = await matched(collection, text, 'cql2-text');
      const byJson = await matched(collection, JSON.stringify(json), 'cql2-json');
      expect(byText.length, text).toBe(expected);
      expect(byJson, text).toEqual(byText);
      if (expected > 0) nonEmpty.push(text);
    }
    // The cases for the rest of the operators each select something.
    expect(
      MORE_CASES.map((entry) => entry.text).filter((text) => !nonEmpty.includes(text)),
    ).toEqual([]);
    // The comparisons mean something: most cases select some features (not all of them).
    expect(nonEmpty.length).toBeGreaterThan((CASES.length + MORE_CASES.length) * 0.75);
  }, 240_000);

  it('compares accent-insensitively with ACCENTI', async () => {
    const accented = await sql<{ id: string; name: string }>`SELECT id, name FROM communities
      WHERE deleted_at IS NULL AND name ~ '[áéíóúñÁÉÍÓÚÑ]' ORDER BY id LIMIT 1`.execute(adb.db);
    const community = accented.rows[0];
    expect(community, 'a community with an accented name').toBeDefined();
    const plain = community!.name.normalize('NFD').replace(/\p{M}/gu, '').replaceAll("'", "''");
    const ids = await matched('communities', `ACCENTI(name) = ACCENTI('${plain}')`, 'cql2-text');
    expect(ids).toContain(community!.id);
    const json = {
      op: '=',
      args: [
        { op: 'accenti', args: [{ property: 'name' }] },
        { op: 'accenti', args: [plain.replaceAll("''", "'")] },
      ],
    };
    expect(await matched('communities', JSON.stringify(json), 'cql2-json')).toEqual(ids);
    const exact = await matched('communities', `name = '${plain}'`, 'cql2-text');
    expect(exact).not.toContain(community!.id);
  });

  it('refuses malformed filters with 400 and the position of the error', async () => {
    for (const [filter, lang, pattern] of [
      ["kind = 'seizure' AND", 'cql2-text', /column 21/],
      ["kind == 'seizure'", 'cql2-text', /column 7/],
      ['{"op":"=","args":[{"property":"kind"}]}', 'cql2-json', /at \/args/],
      ['{"op":"=",', 'cql2-json', /not valid JSON/],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url: itemsUrl('incidents', { filter, 'filter-lang': lang }),
        headers,
      });
      expect(response.statusCode, filter).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      const problem = response.json<{ detail: string; errors: { path: string }[] }>();
      expect(problem.detail, filter).toMatch(pattern);
      expect(problem.errors[0]?.path).toBe('/filter');
    }
  });

  it('refuses unknown properties, functions and type mismatches with 400', async () => {
    for (const [filter, pattern] of [
      ['nope = 1', /unknown property 'nope'/],
      ['"name; DROP TABLE incidents" = 1', /syntax error at column 6/],
      ['"drop table incidents" = 1', /syntax error/],
      ['kind > 5', /cannot compare/],
      ['S_INTERSECTS(kind, POINT(0 0))', /geometry/],
      ['lower(kind) = 1', /unknown function/],
      ["T_AFTER(kind, DATE('2010-01-01'))", /temporal/],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url: itemsUrl('incidents', { filter }),
        headers,
      });
      expect(response.statusCode, filter).toBe(400);
      expect(response.json<{ detail: string }>().detail, filter).toMatch(pattern);
    }
  });

  it('refuses a LIKE pattern ending in the escape character', async () => {
    const filter = JSON.stringify({ op: 'like', args: [prop('kind'), 'x\\'] });
    const response = await app.inject({
      method: 'GET',
      url: itemsUrl('incidents', { filter, 'filter-lang': 'cql2-json' }),
      headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toMatch(/escape character/);
  });

  it('binds injection attempts as values, never as SQL', async () => {
    const before = await sqlCount(adb, sql`incidents WHERE deleted_at IS NULL`);
    for (const value of ["x' OR '1'='1", "'; DROP TABLE incidents; --", 'x%\\_', "kind' --"]) {
      const text = `kind = '${value.replaceAll("'", "''")}'`;
      expect(await matched('incidents', text, 'cql2-text'), text).toEqual([]);
      const json = JSON.stringify({ op: '=', args: [prop('kind'), value] });
      expect(await matched('incidents', json, 'cql2-json'), json).toEqual([]);
      const like = JSON.stringify({ op: 'like', args: [prop('kind'), value] });
      expect(await matched('incidents', like, 'cql2-json'), like).toEqual([]);
    }
    expect(await sqlCount(adb, sql`incidents WHERE deleted_at IS NULL`)).toBe(before);
  });

  it('combines a filter with bbox, datetime and the registry filters', async () => {
    const expected = await sqlCount(
      adb,
      sql`incidents WHERE deleted_at IS NULL AND kind = 'seizure' AND country = 'GT'
        AND occurred_on BETWEEN '2011-01-01' AND '2012-12-31'
        AND ST_Intersects(geom, ST_MakeEnvelope(-92.5, 13.5, -88, 18, 4326))`,
    );
    expect(expected).toBeGreaterThan(0);
    const body = await getItems(
      app,
      itemsUrl('incidents', {
        filter: "kind = 'seizure'",
        country: 'GT',
        datetime: '2011-01-01/2012-12-31',
        bbox: '-92.5,13.5,-88,18',
        limit: '1',
      }),
      headers,
    );
    expect(body.numberMatched).toBe(expected);
  });
});
