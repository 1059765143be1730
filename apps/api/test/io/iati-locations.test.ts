// IATI activity locations become the program's sites: a real-shaped activity from another
// publisher (standard <location> elements, no Atlas precision attribute) imports with its two
// sites, precision taken from the IATI exactness, and re-imports unchanged; a location without
// a point is a problem named by its position and nothing is written.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { fixture, postImport } from './support';

describe.each(testEngines())('IATI locations as sites on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    admin = await createPrincipalHeaders(app, adb, { role: 'admin' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const post = (body: string, commit: boolean) =>
    postImport(app, {
      collection: 'programs',
      source: 'test-publisher',
      format: 'iati',
      body,
      headers: admin,
      commit,
    });

  it('imports the locations with their precision and re-imports them unchanged', async () => {
    const xml = fixture('iati-locations.xml').toString('utf8');
    const first = await post(xml, true);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      created: 1,
      problemCount: 0,
      sites: { created: 2, updated: 0, unchanged: 0 },
    });
    const sites = await adb.db
      .selectFrom('sites')
      .innerJoin('programs', 'programs.id', 'sites.programId')
      .select(['sites.name', 'sites.precision', 'sites.description', 'sites.department'])
      .where('programs.code', '=', 'HN-PRV-900')
      .orderBy('sites.precision')
      .execute();
    expect(sites).toEqual([
      {
        name: 'Rivera Hernández centre',
        precision: 1,
        description: 'Community centre',
        department: 'HN-CR',
      },
      { name: 'Chamelecón (approximate)', precision: 2, description: null, department: 'HN-CR' },
    ]);
    const again = await post(xml, true);
    expect(again.json()).toMatchObject({
      created: 0,
      unchanged: 1,
      sites: { created: 0, updated: 0, unchanged: 2 },
    });
    const ids = await adb.db
      .selectFrom('importExternalIds')
      .select('externalId')
      .where('source', '=', 'test-publisher')
      .where('entityType', '=', 'site')
      .orderBy('externalId')
      .execute();
    expect(ids.map((row) => row.externalId)).toEqual([
      'XM-DAC-TEST-HN-PRV-900#location-2',
      'XM-DAC-TEST-LOC-1',
    ]);
  });

  it('names a location without a point and writes nothing', async () => {
    const xml = fixture('iati-locations.xml')
      .toString('utf8')
      .replace('HN-PRV-900', 'HN-PRV-901')
      .replace('XM-DAC-TEST-LOC-1', 'XM-DAC-TEST-LOC-9')
      .replace('<pos>15.48 -88.01</pos>', '<pos>north of town</pos>');
    const response = await post(xml, true);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: unknown[] }>().errors).toEqual([
      {
        path: '/rows/1/location/1',
        message: 'the location has no point (pos "latitude longitude")',
      },
    ]);
    const written = await adb.db
      .selectFrom('programs')
      .select('id')
      .where('code', '=', 'HN-PRV-901')
      .execute();
    expect(written).toEqual([]);
  });
});
