// Exports take the REST lists' filters: for each collection and a few filter combinations, the
// records of a CSV, GeoJSON (and, for programs, IATI) export are exactly those of the list with
// the same query. The sample's 5,000 incidents span several export pages (EXPORT_PAGE).
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { EXPORT_PAGE, exportPages } from '../../src/routes/io/export-pages';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';

const CASES: [collection: string, query: string][] = [
  ['programs', 'country=GT&line=prevention'],
  ['programs', 'goal=2&status=active'],
  ['programs', 'agency=USAID'],
  ['programs', 'account=ESF&fyFrom=2011&fyTo=2012'],
  ['programs', 'q=police'],
  ['programs', 'bbox=-92.5,13.5,-88,18'],
  ['sites', 'country=HN&line=enforcement'],
  ['sites', 'precision=2&status=active'],
  ['sites', 'bbox=-90,13,-87,16'],
  ['corridors', 'mode=maritime'],
  ['corridors', 'country=PA&threat=narcotics'],
  ['communities', 'country=SV&minHomicideRate=50'],
  ['incidents', 'kind=seizure&country=GT&from=2012-01-01&to=2012-06-30'],
  ['incidents', 'bbox=-89.5,13,-87,15&year=2011'],
];

describe.each(testEngines())('exports filtered like the REST lists on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const get = async (url: string) => {
    const response = await app.inject({ url, headers });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response;
  };

  /** Ids the REST list answers, every page. */
  const listed = async (collection: string, query: string): Promise<string[]> => {
    const ids: string[] = [];
    const limit = collection === 'programs' ? 500 : collection === 'corridors' ? 1000 : 2000;
    for (let offset = 0; ; offset += limit) {
      const body = (
        await get(`/api/v1/${collection}?${query}&limit=${limit}&offset=${offset}`)
      ).json<{ items?: { id: string }[]; features?: { id: string }[] }>();
      const page = body.items ?? body.features ?? [];
      ids.push(...page.map((item) => item.id));
      if (page.length < limit) return ids.sort();
    }
  };

  const exportedGeoJson = async (collection: string, query: string) =>
    (await get(`/api/v1/exports/${collection}?format=geojson&${query}`))
      .json<{ features: { id: string }[] }>()
      .features.map((feature) => feature.id);

  const exportedCsv = async (collection: string, query: string) =>
    (await get(`/api/v1/exports/${collection}?format=csv&columns=id&${query}`)).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean);

  it.each(CASES)('%s?%s: the same records as the list', async (collection, query) => {
    const expected = await listed(collection, query);
    expect(expected.length, 'the case should select something').toBeGreaterThan(0);
    const geojson = await exportedGeoJson(collection, query);
    // In id order, each record once.
    expect(geojson).toEqual([...geojson].sort());
    expect(geojson).toEqual(expected);
    expect((await exportedCsv(collection, query)).sort()).toEqual(expected);
    if (collection === 'programs') {
      const xml = (await get(`/api/v1/exports/programs?format=iati&${query}`)).body;
      expect(xml.match(/<iati-activity[\s>]/g) ?? []).toHaveLength(expected.length);
    }
  });

  it('narrows a selection of ids by the filters too', async () => {
    const all = await listed('programs', 'status=active');
    const some = await listed('programs', 'line=prevention');
    const ids = [...all.slice(0, 3), ...some.slice(0, 3)];
    const exported = await exportedGeoJson('programs', `line=prevention&ids=${ids.join(',')}`);
    const prevention = new Set(some);
    expect(exported).toEqual([...new Set(ids.filter((id) => prevention.has(id)))].sort());
  });

  it('streams every incident across several pages, each once', async () => {
    const ids = await exportedGeoJson('incidents', 'kind=seizure');
    expect(ids).toEqual(await listed('incidents', 'kind=seizure'));
    const every = await exportedCsv('incidents', '');
    expect(every.length).toBeGreaterThan(3 * EXPORT_PAGE);
    expect(new Set(every).size).toBe(every.length);
    const counted = await adb.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    expect(every).toHaveLength(Number(counted.count));
    // Read in full pages of EXPORT_PAGE (then the rest): memory holds one page at a time.
    const sizes: number[] = [];
    for await (const page of exportPages(adb.db, 'incidents', { filters: {} })) {
      sizes.push(page.length);
    }
    const total = Number(counted.count);
    const full = Math.floor(total / EXPORT_PAGE);
    expect(sizes).toEqual([
      ...Array.from({ length: full }, () => EXPORT_PAGE),
      ...(total % EXPORT_PAGE > 0 ? [total % EXPORT_PAGE] : []),
    ]);
  });

  it("refuses another collection's filters (400)", async () => {
    for (const url of [
      '/api/v1/exports/programs?kind=seizure',
      '/api/v1/exports/incidents?line=prevention',
      '/api/v1/exports/sites?fyFrom=1990',
      '/api/v1/exports/programs?bbox=1,2,3',
    ]) {
      const response = await app.inject({ url, headers });
      expect(response.statusCode, url).toBe(400);
    }
  });
});
