// OGC API Features beyond core.test.ts, on both engines: every declared conformance class has a
// named test; the CQL2 cases use every operator the declared classes name; datetime instants and
// open and closed intervals; prev links back to the first page; the antimeridian bbox; filter-crs;
// every collection's queryables as JSON Schema, each one usable in a filter.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql, type RawBuilder } from 'kysely';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import {
  ARITHMETIC_OPERATORS,
  ARRAY_OPERATORS,
  COMPARISON_OPERATORS,
  SPATIAL_OPERATORS,
  TEMPORAL_OPERATORS,
} from '../../src/routes/ogc/cql2/tree';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { sqlCount } from '../support/layers';
import { PROOFS } from './conformance-proofs';
import { CASES } from './cql2-cases';
import { MORE_CASES } from './cql2-cases-more';
import { getItems, itemsUrl, walkNext } from './support';

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** Every `op` and geometry type in cql2-json trees. */
function operatorsOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) operatorsOf(item, found);
  else if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    if (typeof node.op === 'string') found.add(node.op);
    if (typeof node.type === 'string') found.add(node.type);
    if ('bbox' in node) found.add('bbox');
    for (const child of Object.values(node)) operatorsOf(child, found);
  }
  return found;
}

describe.each(testEngines())('OGC API Features items on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const matched = async (collection: string, query: Record<string, string>) =>
    (await getItems(app, itemsUrl(collection, { ...query, limit: '1' }), analyst)).numberMatched;

  it('declares exactly the conformance classes a named test proves', async () => {
    const response = await app.inject({ method: 'GET', url: '/ogc/conformance' });
    const { conformsTo } = response.json<{ conformsTo: string[] }>();
    expect([...conformsTo].sort()).toEqual(Object.keys(PROOFS).sort());
    for (const [conformanceClass, proofs] of Object.entries(PROOFS)) {
      for (const [file, title] of proofs) {
        const text = readFileSync(new URL(file, import.meta.url), 'utf8');
        expect(text.includes(title), `${conformanceClass}: '${title}' in ${file}`).toBe(true);
      }
    }
  });

  it('has an HTTP case for every operator and geometry literal of the declared CQL2 classes', () => {
    const used = operatorsOf([...CASES, ...MORE_CASES].map((entry) => entry.json));
    const wanted = [
      ...COMPARISON_OPERATORS,
      ...['and', 'or', 'not', 'like', 'in', 'between', 'isNull', 'casei'],
      ...SPATIAL_OPERATORS,
      ...TEMPORAL_OPERATORS,
      ...ARRAY_OPERATORS,
      ...ARITHMETIC_OPERATORS,
      ...['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
      ...['GeometryCollection', 'bbox'],
    ];
    expect(wanted.filter((op) => !used.has(op))).toEqual([]);
  });

  it('selects by datetime: instants, closed and open intervals', async () => {
    const incidents = (where: RawBuilder<unknown>) =>
      sqlCount(adb, sql`incidents WHERE deleted_at IS NULL AND ${where}`);
    const programs = (where: RawBuilder<unknown>) =>
      sqlCount(adb, sql`programs WHERE deleted_at IS NULL AND ${where}`);
    const cases: [string, string, Promise<number>][] = [
      // Incident dates: a date-time instant counts by its UTC day.
      ['incidents', '2011-06-15T18:30:00Z', incidents(sql`occurred_on = '2011-06-15'`)],
      ['incidents', '2011-06-15T22:30:00-05:00', incidents(sql`occurred_on = '2011-06-16'`)],
      [
        'incidents',
        '2011-01-01/2011-03-31',
        incidents(sql`occurred_on BETWEEN '2011-01-01' AND '2011-03-31'`),
      ],
      ['incidents', '../2010-12-31', incidents(sql`occurred_on <= '2010-12-31'`)],
      ['incidents', '/2010-12-31', incidents(sql`occurred_on <= '2010-12-31'`)],
      ['incidents', '2013-01-01/', incidents(sql`occurred_on >= '2013-01-01'`)],
      // Program periods (no end date: still running).
      [
        'programs',
        '2010-01-01/2010-12-31',
        programs(
          sql`start_date <= '2010-12-31' AND coalesce(end_date, 'infinity') >= '2010-01-01'`,
        ),
      ],
      ['programs', '2014-01-01/..', programs(sql`coalesce(end_date, 'infinity') >= '2014-01-01'`)],
      ['programs', '../2009-12-31', programs(sql`start_date <= '2009-12-31'`)],
      [
        'sites',
        '2012-06-01',
        sqlCount(
          adb,
          sql`sites s JOIN programs p ON p.id = s.program_id WHERE s.deleted_at IS NULL
            AND p.deleted_at IS NULL AND p.start_date <= '2012-06-01'
            AND coalesce(p.end_date, 'infinity') >= '2012-06-01'`,
        ),
      ],
    ];
    let selective = 0;
    for (const [collection, datetime, expected] of cases) {
      const count = await expected;
      expect(await matched(collection, { datetime }), `${collection} ${datetime}`).toBe(count);
      const all = await matched(collection, {});
      if (count > 0 && count < all) selective += 1;
    }
    expect(selective).toBeGreaterThanOrEqual(cases.length - 2);
    const noDates = await app.inject({
      method: 'GET',
      url: itemsUrl('countries', { datetime: '2012-01-01' }),
    });
    expect(noDates.statusCode).toBe(400);
  });

  it('follows prev links from the last page back to the first', async () => {
    const forward = await walkNext(app, itemsUrl('incidents', { limit: '900' }), analyst);
    const lastOffset = Math.floor((forward.numberMatched - 1) / 900) * 900;
    expect(lastOffset).toBeGreaterThan(0);
    const pages: string[][] = [];
    let url: string | undefined = itemsUrl('incidents', {
      limit: '900',
      offset: String(lastOffset),
    });
    while (url) {
      const body = await getItems(app, url, analyst);
      if (pages.length === 0) expect(body.links.some((link) => link.rel === 'next')).toBe(false);
      pages.unshift(body.features.map((feature) => feature.id));
      const prev = body.links.find((link) => link.rel === 'prev')?.href;
      url = prev === undefined ? undefined : new URL(prev).pathname + new URL(prev).search;
      expect(pages.length).toBeLessThan(100);
    }
    expect(pages).toHaveLength(forward.pages);
    expect(pages.flat()).toEqual(forward.ids);
    expect(new Set(pages.flat()).size).toBe(forward.numberMatched);
  });

  it('reads a bbox with west > east as crossing the antimeridian (RFC 7946)', async () => {
    // Everything but the strip from 90°W to 85°W: the box runs east from 85°W round to 90°W.
    const wrapped = await sqlCount(
      adb,
      sql`incidents WHERE deleted_at IS NULL AND (
        ST_Intersects(geom, ST_MakeEnvelope(-85, -90, 180, 90, 4326))
        OR ST_Intersects(geom, ST_MakeEnvelope(-180, -90, -90, 90, 4326)))`,
    );
    const strip = await sqlCount(
      adb,
      sql`incidents WHERE deleted_at IS NULL
        AND ST_Intersects(geom, ST_MakeEnvelope(-90, -90, -85, 90, 4326))`,
    );
    expect(wrapped).toBeGreaterThan(0);
    expect(strip).toBeGreaterThan(0);
    expect(await matched('incidents', { bbox: '-85,-90,-90,90' })).toBe(wrapped);
    expect(await matched('incidents', { bbox: '-90,-90,-85,90' })).toBe(strip);
    // A box over the Pacific at the antimeridian holds nothing of the region.
    expect(await matched('incidents', { bbox: '179,-10,-179,10' })).toBe(0);
    expect(await matched('countries', { bbox: '179,-10,-179,10' })).toBe(0);
  });

  it('takes filter-crs and bbox-crs only as CRS84, and no other filter-lang', async () => {
    const filter = "kind = 'seizure'";
    const expected = await sqlCount(
      adb,
      sql`incidents WHERE deleted_at IS NULL AND kind = 'seizure'`,
    );
    const bbox = '-180,-90,180,90';
    expect(await matched('incidents', { filter, 'filter-crs': CRS84 })).toBe(expected);
    expect(await matched('incidents', { filter, bbox, 'bbox-crs': CRS84 })).toBe(expected);
    for (const query of [
      { filter, 'filter-crs': 'http://www.opengis.net/def/crs/EPSG/0/4326' },
      { bbox, 'bbox-crs': 'http://www.opengis.net/def/crs/EPSG/0/3857' },
      { filter, 'filter-lang': 'cql-text' },
    ] as Record<string, string>[]) {
      const response = await app.inject({
        method: 'GET',
        url: itemsUrl('incidents', query),
        headers: analyst,
      });
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it("publishes every collection's queryables as JSON Schema, each usable in a filter", async () => {
    const listed = await app.inject({ method: 'GET', url: '/ogc/collections', headers: analyst });
    const ids = listed.json<{ collections: { id: string }[] }>().collections.map((c) => c.id);
    expect(ids).toHaveLength(7);
    for (const id of ids) {
      const url = `/ogc/collections/${id}/queryables`;
      const response = await app.inject({ method: 'GET', url, headers: analyst });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
      const schema = response.json<{
        $schema: string;
        $id: string;
        type: string;
        properties: Record<string, Record<string, unknown>>;
      }>();
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(new URL(schema.$id).pathname).toBe(url);
      expect(schema.type).toBe('object');
      const names = Object.keys(schema.properties);
      expect(names.length).toBeGreaterThan(2);
      for (const [name, property] of Object.entries(schema.properties)) {
        const what = `${id}.${name}`;
        if (property.$ref !== undefined) {
          expect(property.format, what).toMatch(/^geometry-/);
        } else {
          const types = [property.type].flat();
          expect(
            types.every((type) => JSON_TYPES.has(String(type))),
            what,
          ).toBe(true);
        }
        if (property.enum !== undefined) expect(property.enum, what).not.toHaveLength(0);
        if (property.type === 'array') expect(property.items, what).toBeDefined();
        // The schema is the filter's allowlist: each queryable compiles into a filter.
        const filter =
          property.$ref === undefined
            ? `"${name}" IS NULL OR "${name}" IS NOT NULL`
            : `S_INTERSECTS("${name}", BBOX(-180, -90, 180, 90))`;
        const body = await getItems(app, itemsUrl(id, { filter, limit: '1' }), analyst);
        expect(body.numberMatched, what).toBeGreaterThan(0);
      }
      const unknown = await app.inject({
        method: 'GET',
        url: itemsUrl(id, { filter: 'notAQueryable = 1' }),
        headers: analyst,
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json<{ detail: string }>().detail).toContain(names.join(', '));
    }
  });
});
