// Imports through the API: preview report, all-or-nothing commit, remembered mapping,
// idempotent re-import by external id, audit by the importing principal, country scope.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipal, createPrincipalHeaders, type TestPrincipal } from '../support/auth';
import { counts, fixture, postImport, settled } from './support';

describe.each(testEngines())('imports on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let admin: TestPrincipal;
  let coordinatorGt: Record<string, string>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: false });
    app = await buildTestApp(adb);
    admin = await createPrincipal(app, adb, { role: 'admin', via: 'session' });
    coordinatorGt = await createPrincipalHeaders(app, adb, {
      role: 'coordinator',
      countries: ['GT'],
    });
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  }, 300_000);

  beforeEach(() => settled(app));

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const incidents = (extra: Partial<Parameters<typeof postImport>[1]> = {}) =>
    postImport(app, {
      collection: 'incidents',
      source: 'unodc-2012',
      format: 'csv',
      body: fixture('incidents-unodc.csv'),
      headers: admin.headers,
      ...extra,
    });

  it('previews a CSV with a report per row and writes nothing', async () => {
    const preview = await incidents();
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json<{ committed: boolean; problems: unknown[] }>();
    // Without a mapping the record_id column is not an id: every row says so.
    expect(report.committed).toBe(false);
    expect(report.problems).toHaveLength(4);
    expect(report.problems[0]).toEqual({
      row: 1,
      field: 'externalId',
      message: expect.stringContaining('required') as string,
    });
    const mapped = await incidents({ mapping: { externalId: 'record_id' } });
    expect(mapped.json()).toMatchObject({ rows: 4, created: 4, problemCount: 0, committed: false });
    expect(await counts(adb, 'incidents', 'incident')).toEqual({ rows: 0, audits: 0 });
  });

  it('refuses analysts (write access)', async () => {
    const refused = await incidents({ headers: analyst, commit: true });
    expect(refused.statusCode).toBe(403);
  });

  it('commits in one go, audited with the importing user, and remembers the mapping', async () => {
    const committed = await incidents({ commit: true, mapping: { externalId: 'record_id' } });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({ committed: true, created: 4, updated: 0 });
    const events = await adb.db
      .selectFrom('auditEvents')
      .select(['actorId', 'actorType', 'action', 'version'])
      .where('entityType', '=', 'incident')
      .execute();
    expect(events).toHaveLength(4);
    expect(events.every((event) => event.actorId === admin.id && event.action === 'create')).toBe(
      true,
    );
    const stored = await adb.db
      .selectFrom('incidents')
      .select(['kind', 'quantity', 'unit', 'description'])
      .where('country', '=', 'GT')
      .orderBy('occurredOn')
      .execute();
    expect(stored[0]).toEqual({
      kind: 'seizure',
      quantity: 1250.5,
      unit: 'kg',
      description: 'Cocaine in a truck trailer, CA-9 highway',
    });
    const sources = await app.inject({
      url: '/api/v1/imports/sources/unodc-2012',
      headers: admin.headers,
    });
    expect(sources.json<{ mappings: Record<string, unknown> }>().mappings.incidents).toMatchObject({
      externalId: 'record_id',
      occurredOn: 'Date',
      longitude: 'Lon',
    });
  });

  it('re-imports the same file idempotently (remembered mapping, no new versions)', async () => {
    const again = await incidents({ commit: true });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await counts(adb, 'incidents', 'incident')).toEqual({ rows: 4, audits: 4 });
    // A changed cell updates that record only (a new version, audited as an update).
    const changed = fixture('incidents-unodc.csv').toString().replace('1250.5', '1300');
    const update = await incidents({ commit: true, body: changed });
    expect(update.json()).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect(await counts(adb, 'incidents', 'incident')).toEqual({ rows: 4, audits: 5 });
  });

  it('imports GeoJSON communities (feature ids as external ids) and WKT corridors', async () => {
    const communities = await postImport(app, {
      collection: 'communities',
      source: 'pnc-2013',
      format: 'geojson',
      body: fixture('communities.geojson'),
      headers: admin.headers,
      commit: true,
    });
    expect(communities.statusCode, communities.body).toBe(200);
    expect(communities.json()).toMatchObject({ created: 2, committed: true });
    const corridors = await postImport(app, {
      collection: 'corridors',
      source: 'jiatf',
      format: 'csv',
      delimiter: ';',
      body: fixture('corridors-wkt.csv'),
      headers: admin.headers,
      commit: true,
    });
    expect(corridors.statusCode, corridors.body).toBe(200);
    const stored = await adb.db.selectFrom('corridors').select(['name', 'threats']).execute();
    expect(stored).toContainEqual({
      name: 'Pacific littoral go-fast route',
      threats: ['narcotics', 'bulk_cash'],
    });
  });

  it('imports programs with funding, and their sites by program code', async () => {
    const programs = await postImport(app, {
      collection: 'programs',
      source: 'registry-2013',
      format: 'csv',
      body: fixture('programs.csv'),
      headers: admin.headers,
      commit: true,
    });
    expect(programs.statusCode, programs.body).toBe(200);
    const funding = await adb.db
      .selectFrom('programFunding')
      .innerJoin('programs', 'programs.id', 'programFunding.programId')
      .select(['fiscalYear', 'account', 'stage', 'amountUsd'])
      .where('programs.code', '=', 'GT-ENF-107')
      .orderBy('fiscalYear')
      .orderBy('stage')
      .execute();
    expect(funding).toEqual([
      { fiscalYear: 2013, account: 'INCLE', stage: 'committed', amountUsd: 2500000 },
      { fiscalYear: 2013, account: 'INCLE', stage: 'disbursed', amountUsd: 1200000 },
      { fiscalYear: 2013, account: 'INCLE', stage: 'obligated', amountUsd: 2000000 },
      { fiscalYear: 2014, account: 'INCLE', stage: 'committed', amountUsd: 1500000 },
    ]);
    const sites = await postImport(app, {
      collection: 'sites',
      source: 'registry-2013',
      format: 'csv',
      body:
        'site_id,program,name,precision,lon,lat\n' +
        'S-1,GT-ENF-107,Comisaría 14 Villa Nueva,1,-90.5875,14.5269\n' +
        'S-2,USAID-HN-2013-02,Centro de alcance Chamelecón,2,-88.0,15.45\n',
      mapping: { externalId: 'site_id' },
      headers: admin.headers,
      commit: true,
    });
    expect(sites.statusCode, sites.body).toBe(200);
    expect(sites.json()).toMatchObject({ created: 2 });
  });

  it('limits a coordinator to the country scope (403, nothing written)', async () => {
    const before = await counts(adb, 'incidents', 'incident');
    const body =
      'id,kind,occurred_on,country,lon,lat,source\n' +
      'A-1,seizure,2013-01-05,GT,-90.5,14.6,test\n' +
      'A-2,seizure,2013-01-06,HN,-87.2,14.1,test\n';
    const denied = await postImport(app, {
      collection: 'incidents',
      source: 'scope',
      format: 'csv',
      body,
      headers: coordinatorGt,
      commit: true,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ errors: unknown[] }>().errors).toEqual([
      { path: '/rows/2/country', message: expect.stringContaining('HN is outside') as string },
    ]);
    expect(await counts(adb, 'incidents', 'incident')).toEqual(before);
    const allowed = await postImport(app, {
      collection: 'incidents',
      source: 'scope',
      format: 'csv',
      body: body.split('\n').slice(0, 2).join('\n'),
      headers: coordinatorGt,
      commit: true,
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
  });

  it('streams progress lines when asked for NDJSON', async () => {
    const streamed = await incidents({ accept: 'application/x-ndjson' });
    const lines = streamed.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines[0]).toEqual({ type: 'progress', rows: 4 });
    expect(lines.at(-1)).toMatchObject({ type: 'result', status: 200, rows: 4, committed: false });
  });
});
