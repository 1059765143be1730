// Round trips: every collection of the sample data exported (CSV and GeoJSON) and imported into
// an empty database comes back equal; programs exported as IATI 2.03 come back with their line,
// goals, agency, partners, status, dates, funding, indicators and sites (the activities'
// locations, with their precision codes); and CSV exports carry names
// beside the codes and only the chosen columns.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { storeFor } from '../../src/routes/io/stores';
import { COLLECTIONS, type Collection } from '../../src/routes/io/fields';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { postImport, settled } from './support';

interface Side {
  adb: AtlasDatabase;
  app: AtlasApp;
  admin: Record<string, string>;
}

async function openSide(engine: Parameters<typeof openTestDatabase>[0]) {
  const adb = await openTestDatabase(engine, { seed: true });
  const app = await buildTestApp(adb);
  const admin = await createPrincipalHeaders(app, adb, { role: 'admin' });
  return { adb, app, admin };
}

/** Removes every record (keeping the boundaries that derived values come from). */
async function emptied(side: Side): Promise<void> {
  await sql`TRUNCATE sites, program_funding, program_indicators, programs, corridors, communities,
    incidents, import_external_ids, import_sources, import_batches`.execute(side.adb.db);
}

/** Every live record of a collection, as its writable content, by id. */
async function contents(side: Side, collection: Collection, key: 'id' | 'code' = 'id') {
  const store = storeFor(collection, side.adb.db);
  const ids = await side.adb.db
    .selectFrom(collection)
    .select('id')
    .where('deletedAt', 'is', null)
    .execute();
  const result = new Map<string, Record<string, unknown>>();
  for (const { id } of ids) {
    const record = (await store.find(id))!;
    const content = store.contentOf(record);
    result.set(key === 'id' ? id : String(content.code), content);
  }
  // Sorted plain objects: a difference shows as a readable diff.
  return Object.fromEntries([...result].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Live sites of live programs, their program named by code (ids differ across databases). */
async function siteContents(side: Side) {
  const programs = await side.adb.db
    .selectFrom('programs')
    .select(['id', 'code'])
    .where('deletedAt', 'is', null)
    .execute();
  const codeOf = new Map(programs.map((program) => [program.id, program.code]));
  const sites = await contents(side, 'sites');
  return Object.fromEntries(
    Object.entries(sites)
      .filter(([, site]) => codeOf.has(site.programId as string))
      .map(([id, { programId, ...site }]) => [
        id,
        { ...site, program: codeOf.get(programId as string) },
      ]),
  );
}

describe.each(testEngines())('export and import round trips on %s', (engine) => {
  let source: Side;
  let target: Side;

  beforeAll(async () => {
    source = await openSide(engine);
    target = await openSide(engine);
  }, 300_000);

  beforeEach(async () => {
    await emptied(target);
    for (const side of [source, target]) await settled(side.app);
  });

  afterAll(async () => {
    for (const side of [source, target]) {
      await side.app.close();
      await side.adb.close();
    }
  });

  const exported = async (collection: string, query: string) => {
    const response = await source.app.inject({
      url: `/api/v1/exports/${collection}?${query}`,
      headers: source.admin,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.body;
  };

  for (const format of ['csv', 'geojson'] as const) {
    it(
      `exports every collection as ${format} and imports it back equal`,
      { timeout: 300_000 },
      async () => {
        for (const collection of COLLECTIONS) {
          // One country's records (Belize) keeps the test quick on the embedded database.
          const body = await exported(collection, `format=${format}&country=BZ`);
          const imported = await postImport(target.app, {
            collection,
            source: 'atlas-export',
            format,
            body,
            headers: target.admin,
            commit: true,
          });
          expect(imported.statusCode, imported.body).toBe(200);
          const after = await contents(target, collection);
          const size = Object.keys(after).length;
          expect(size).toBeGreaterThan(0);
          expect(imported.json()).toMatchObject({ created: size, problemCount: 0 });
          const all = await contents(source, collection);
          const before = Object.fromEntries(Object.keys(after).map((id) => [id, all[id]]));
          expect(after).toEqual(before);
        }
      },
    );
  }

  it(
    'exports programs as IATI 2.03 activities and imports them back without loss',
    { timeout: 120_000 },
    async () => {
      // One site becomes a polygon with a description, so the extension's shape is exercised.
      await sql`UPDATE sites SET description = 'Centro <norte> & anexo',
          geom = ST_Expand(ST_PointOnSurface(geom), 0.01)
        WHERE id = (SELECT min(id::text)::uuid FROM sites WHERE deleted_at IS NULL)`.execute(
        source.adb.db,
      );
      const xml = await exported('programs', 'format=iati');
      expect(xml).toContain('<iati-activities version="2.03"');
      expect(xml).toMatch(/<sector vocabulary="99" vocabulary-uri="[^"]+\/reference#programLines"/);
      expect(xml).toMatch(
        /<transaction ref="\d{4}\/[A-Z]+\/committed">\s*<transaction-type code="2"/,
      );
      expect(xml).toMatch(/<participating-org role="4"/);
      expect(xml).toMatch(/<location ref="[^"]+" atlas:precision="\d"/);
      const imported = await postImport(target.app, {
        collection: 'programs',
        source: 'iati',
        format: 'iati',
        body: xml,
        headers: target.admin,
        commit: true,
      });
      expect(imported.statusCode, imported.body).toBe(200);
      const strip = (byCode: Record<string, Record<string, unknown>>) =>
        Object.fromEntries(
          Object.entries(byCode).map(([code, { id: _id, ...content }]) => [code, content]),
        );
      const before = strip(await contents(source, 'programs', 'code'));
      expect(strip(await contents(target, 'programs', 'code'))).toEqual(before);
      // Locations came back as the programs' sites (same ids: the location refs), with their
      // precision, name, description and geometry; programs are named by code on both sides.
      const sitesBefore = await siteContents(source);
      expect(Object.keys(sitesBefore).length).toBeGreaterThan(100);
      expect(await siteContents(target)).toEqual(sitesBefore);
      expect(imported.json()).toMatchObject({
        sites: { created: Object.keys(sitesBefore).length, updated: 0, unchanged: 0 },
      });
      // Importing the same file again changes nothing.
      const again = await postImport(target.app, {
        collection: 'programs',
        source: 'iati',
        format: 'iati',
        body: xml,
        headers: target.admin,
        commit: true,
      });
      const size = Object.keys(before).length;
      expect(again.json()).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: size,
        sites: { created: 0, updated: 0, unchanged: Object.keys(sitesBefore).length },
      });
    },
  );

  it('exports chosen columns of a selection with names beside codes', async () => {
    const ids = await source.adb.db
      .selectFrom('programs')
      .select('id')
      .orderBy('code')
      .limit(2)
      .execute();
    const csv = await exported(
      'programs',
      `columns=code,line,countries&lang=es&ids=${ids.map((row) => row.id).join(',')}`,
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('code,line,line_name,countries,countries_name');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[A-Z0-9-]+,(enforcement|capacity|prevention),[^,]+,/);
    const bad = await source.app.inject({
      url: '/api/v1/exports/programs?columns=code,secret',
      headers: source.admin,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('exports follow the read access of the collection', async () => {
    const anonymousPrograms = await source.app.inject({ url: '/api/v1/exports/programs' });
    expect(anonymousPrograms.statusCode).toBe(200);
    const anonymousIncidents = await source.app.inject({ url: '/api/v1/exports/incidents' });
    expect(anonymousIncidents.statusCode).toBe(401);
  });
});
