// Bad files get a clear report (what, where) and write nothing: wrong encoding, broken geometry,
// unknown codes, duplicate ids, junk, a mapping to a missing column.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { counts, fixture, postImport, settled } from './support';

const HEADER = 'id,kind,occurred_on,country,threat,lon,lat,source\n';

describe.each(testEngines())('bad import files on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    admin = await createPrincipalHeaders(app, adb, { role: 'admin' });
  }, 300_000);

  beforeEach(() => settled(app));

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const commit = (collection: string, body: Buffer | string, format = 'csv') =>
    postImport(app, { collection, source: 'bad', format, body, headers: admin, commit: true });

  async function expectNothingWritten(run: () => Promise<unknown>) {
    const before = await counts(adb, 'incidents', 'incident');
    const batches = await adb.db.selectFrom('importBatches').select('id').execute();
    await run();
    expect(await counts(adb, 'incidents', 'incident')).toEqual(before);
    expect(await adb.db.selectFrom('importBatches').select('id').execute()).toEqual(batches);
  }

  it('names each bad row and field, and writes none of the good rows', async () => {
    const body =
      HEADER +
      'B-1,seizure,2013-02-01,GT,narcotics,-90.5,14.6,ok\n' +
      'B-2,seizure,2013-02-30,GT,narcotics,-90.5,14.6,bad date\n' +
      'B-3,meteor,2013-02-01,XX,narcotics,-90.5,14.6,unknown codes\n' +
      'B-4,seizure,2013-02-01,GT,narcotics,abc,14.6,bad longitude\n' +
      'B-1,seizure,2013-02-01,GT,narcotics,-90.5,14.6,duplicate id\n' +
      'B-6,seizure,2013-02-01,GT,narcotics,-190.5,14.6,off the globe\n';
    await expectNothingWritten(async () => {
      const response = await commit('incidents', body);
      expect(response.statusCode).toBe(400);
      const paths = response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/rows/2/occurredOn',
          '/rows/3/kind',
          '/rows/3/country',
          '/rows/4/geometry',
          '/rows/5/externalId',
          '/rows/6/geometry',
        ]),
      );
      expect(paths).not.toContain('/rows/1/kind');
    });
  });

  it('reports broken geometry (self-intersecting polygon, unclosed ring, bad WKT)', async () => {
    const body =
      'id,name,country,population,homicide_rate,year,source,wkt\n' +
      'C-1,Bowtie,GT,100,10,2013,x,"POLYGON((-90 14, -89 15, -89 14, -90 15, -90 14))"\n' +
      'C-2,Open ring,GT,100,10,2013,x,"POLYGON((-90 14, -89 14, -89 15, -90 15))"\n' +
      'C-3,Not WKT,GT,100,10,2013,x,"POLYGON((-90 14, -89"\n';
    const before = await counts(adb, 'communities', 'community');
    const response = await commit('communities', body);
    expect(response.statusCode).toBe(400);
    const errors = response.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(errors.find((e) => e.path === '/rows/1/geometry')?.message).toMatch(
      /Self-intersection/i,
    );
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/rows/2/geometry', '/rows/3/geometry']),
    );
    expect(await counts(adb, 'communities', 'community')).toEqual(before);
  });

  it('refuses a file that is not UTF-8 (Latin-1, UTF-16)', async () => {
    await expectNothingWritten(async () => {
      const latin1 = Buffer.from(
        HEADER + 'L-1,seizure,2013-02-01,GT,narcotics,-90.5,14.6,Petén\n',
        'latin1',
      );
      const response = await commit('incidents', latin1);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ detail: string }>().detail).toMatch(/not UTF-8/);
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]);
      const second = await commit('incidents', utf16);
      expect(second.json<{ detail: string }>().detail).toMatch(/UTF-16/);
    });
  });

  it('refuses 100 MB of junk quickly, without reading it all', async () => {
    const junk = randomBytes(100 * 1024 * 1024);
    await expectNothingWritten(async () => {
      const csv = await commit('incidents', junk);
      expect(csv.statusCode).toBe(400);
      expect(csv.json<{ detail: string }>().detail).toMatch(/binary data|not UTF-8/);
      const geojson = await commit('incidents', junk, 'geojson');
      expect(geojson.statusCode).toBe(400);
    });
    const text = Buffer.alloc(20 * 1024 * 1024, 'a');
    const noLines = await commit('incidents', text);
    expect(noLines.statusCode).toBe(400);
    expect(noLines.json<{ detail: string }>().detail).toMatch(/CSV/);
  });

  it('reports malformed CSV and GeoJSON with where it broke', async () => {
    await expectNothingWritten(async () => {
      const ragged = await commit('incidents', HEADER + 'R-1,seizure,2013-02-01\n');
      expect(ragged.statusCode).toBe(400);
      expect(ragged.json<{ detail: string }>().detail).toMatch(/Invalid Record Length.*line 2/);
      const truncated = fixture('communities.geojson').subarray(0, 400);
      const geojson = await commit('communities', truncated, 'geojson');
      expect(geojson.statusCode).toBe(400);
      const notCollection = await commit(
        'communities',
        '{"type":"Point","coordinates":[1,2]}',
        'geojson',
      );
      expect(notCollection.json<{ detail: string }>().detail).toMatch(/no features/);
    });
  });

  it('refuses a mapping to a column the file does not have', async () => {
    const response = await postImport(app, {
      collection: 'incidents',
      source: 'bad',
      format: 'csv',
      body: fixture('incidents-unodc.csv'),
      mapping: { externalId: 'ident' },
      headers: admin,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toBe('the file has no column "ident"');
  });
});
