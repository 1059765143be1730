// Every analysis over HTTP on hand-made records with answers known in advance: the sample data
// is removed (boundaries stay) and a few programs, sites, a corridor, communities and incidents
// are placed around Guatemala City and San Pedro Sula.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { addTotals, analysis, type FeatureCollection, type StageTotals } from './support';
import { KM_PER_DEGREE_LON, seedHandMade } from './hand-made-seed';

describe.each(testEngines())('analyses of hand-made records on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;
  let corridorId: string;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    ({ corridorId } = await seedHandMade(adb));
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('covers the corridor around the two sites near Guatemala City', async () => {
    const body = await analysis<{
      lengthM: number;
      coveredM: number;
      sites: FeatureCollection<{ name: string; distanceM: number }>;
      covered: FeatureCollection;
    }>(app, headers, `/api/v1/analysis/corridor-coverage?corridor=${corridorId}&radiusKm=10`);
    expect(body.lengthM / 1000).toBeCloseTo(KM_PER_DEGREE_LON, 0);
    expect(body.sites.features.map((f) => f.properties.name)).toEqual([
      'Guatemala City',
      'Prevention centre',
    ]);
    // The prevention site is on the line (±10 km); Guatemala City is 4.5 km off it
    // (±√(10² − 4.5²) = ±8.9 km) and 1.4 km further west: one stretch of about 20.4 km.
    expect(body.covered.features).toHaveLength(1);
    expect(body.coveredM / 1000).toBeGreaterThan(20.2);
    expect(body.coveredM / 1000).toBeLessThan(20.6);
    const onlyPrevention = await analysis<{ coveredM: number }>(
      app,
      headers,
      `/api/v1/analysis/corridor-coverage?corridor=${corridorId}&radiusKm=10&line=prevention`,
    );
    expect(onlyPrevention.coveredM / 1000).toBeCloseTo(20, 1);
  });

  it('ranks the nearest sites and programs', async () => {
    const body = await analysis<{
      results: FeatureCollection<{ name: string; distanceM: number; rank: number }>;
    }>(app, {}, '/api/v1/analysis/nearest?lon=-90.5&lat=14.6&k=3');
    expect(body.results.features.map((f) => f.properties.name)).toEqual([
      'Prevention centre',
      'Guatemala City',
      'Flores', // 262 km away; San Pedro Sula is 281 km away
    ]);
    expect(body.results.features[0]!.properties.distanceM).toBe(0);
    const programs = await analysis<{ results: FeatureCollection<{ programCode: string }> }>(
      app,
      {},
      '/api/v1/analysis/nearest?lon=-88&lat=15.5&k=5&of=programs',
    );
    expect(programs.results.features.map((f) => f.properties.programCode)).toEqual([
      'T-ENF',
      'T-PRV',
    ]);
    const within = await analysis<{ results: FeatureCollection }>(
      app,
      {},
      '/api/v1/analysis/nearest?lon=-90.5&lat=14.6&k=5&maxDistanceKm=50',
    );
    expect(within.results.features).toHaveLength(2);
  });

  it('ranks the uncovered communities by need', async () => {
    const body = await analysis<{
      counts: { communities: number; covered: number; gaps: number };
      gaps: FeatureCollection<{ name: string; need: number; nearestSite: { name: string } }>;
    }>(app, headers, '/api/v1/analysis/coverage-gaps?radiusKm=10');
    expect(body.counts).toEqual({ communities: 3, covered: 1, gaps: 2 });
    expect(body.gaps.features.map((f) => [f.properties.name, f.properties.need])).toEqual([
      ['Large', 20],
      ['Remote', 16],
    ]);
    expect(
      body.gaps.features.every((f) => f.properties.nearestSite.name === 'Prevention centre'),
    ).toBe(true);
    const violent = await analysis<{ counts: { gaps: number } }>(
      app,
      headers,
      '/api/v1/analysis/coverage-gaps?radiusKm=10&minHomicideRate=60',
    );
    expect(violent.counts.gaps).toBe(1);
  });

  it('attributes funding exactly: countries and departments add up to the region', async () => {
    type Summary = {
      funding: { totals: StageTotals; perInhabitant: StageTotals | null };
      programs: { count: number };
    };
    const region = await analysis<Summary>(app, headers, '/api/v1/analysis/summary');
    const gt = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?country=GT');
    const hn = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?country=HN');
    expect(region.funding.totals.committed).toBe(1_000_301);
    expect(gt.funding.totals.committed).toBe(500_001 + 300);
    expect(hn.funding.totals.committed).toBe(500_000);
    expect(gt.programs.count).toBe(2);
    expect(gt.funding.perInhabitant!.committed).toBeCloseTo(500_301 / 14_901_286, 12);
    const departments = await sql<{ department: string }>`
      SELECT DISTINCT department FROM sites WHERE country = 'GT' ORDER BY 1`.execute(adb.db);
    expect(departments.rows.map((row) => row.department)).toContain('GT-PE');
    const parts = await Promise.all(
      departments.rows.map((row) =>
        analysis<Summary>(app, headers, `/api/v1/analysis/summary?department=${row.department}`),
      ),
    );
    expect(addTotals(parts.map((part) => part.funding.totals)).committed).toBe(500_301);
    const pe = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?department=GT-PE');
    expect(pe.funding.totals.committed).toBe(250_000);
  });

  it('finds what lies inside a drawn square around Guatemala City', async () => {
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-90.7, 14.5],
          [-90.3, 14.5],
          [-90.3, 14.8],
          [-90.7, 14.8],
          [-90.7, 14.5],
        ],
      ],
    };
    const body = await analysis<{
      programs: { code: string; sitesInside: number; sitesTotal: number }[];
      funding: { programsTotals: StageTotals; attributed: StageTotals };
      corridors: { totalM: number; byMode: { mode: string; lengthM: number }[] };
      incidents: { total: number; byYear: { year: number; count: number }[] };
      communities: { count: number; population: number };
    }>(app, headers, '/api/v1/analysis/area-of-interest', { geometry });
    expect(body.programs.map((p) => [p.code, p.sitesInside, p.sitesTotal])).toEqual([
      ['T-ENF', 1, 3],
      ['T-PRV', 1, 1],
    ]);
    expect(body.funding.programsTotals.committed).toBe(1_000_301);
    // A third of 1,000,001 (the extra dollar to the larger remainder), and all of 300.
    expect(body.funding.attributed.committed).toBe(333_334 + 300);
    expect(body.corridors.byMode.map((m) => m.mode)).toEqual(['land']);
    expect(body.corridors.totalM / 1000).toBeCloseTo(0.4 * KM_PER_DEGREE_LON, 0);
    expect(body.incidents.total).toBe(4);
    expect(body.incidents.byYear).toEqual([
      { year: 2012, count: 1 },
      { year: 2013, count: 3 },
    ]);
    expect(body.communities).toMatchObject({ count: 1, population: 100_000 });
  });

  it('bins the incidents into one cell with the change against the year before', async () => {
    const body = await analysis<{
      cells: FeatureCollection<{
        count: number;
        previousCount: number;
        change: number;
        changeRatio: number;
      }>;
    }>(app, headers, '/api/v1/analysis/hotspots?from=2013-01-01&to=2013-12-31&resolution=6');
    expect(body.cells.features.map((f) => f.properties)).toEqual([
      expect.objectContaining({ count: 3, previousCount: 1, change: 2, changeRatio: 2 }),
    ]);
  });

  it('finds no border crossing on a corridor inside Guatemala', async () => {
    const body = await analysis<{ counts: { crossings: number } }>(
      app,
      headers,
      `/api/v1/analysis/border-crossings?corridor=${corridorId}`,
    );
    expect(body.counts.crossings).toBe(0);
  });
});

describe.each(testEngines())('summaries of the seeded sample on %s', (engine) => {
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

  it('add up exactly to the registry totals of /api/v1/programs', async () => {
    const programs: { totals: StageTotals }[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = (
        await app.inject({ method: 'GET', url: `/api/v1/programs?limit=500&offset=${offset}` })
      ).json<{
        items: { totals: StageTotals }[];
        total: number;
      }>();
      programs.push(...page.items);
      if (programs.length >= page.total) break;
    }
    const registry = addTotals(programs.map((program) => program.totals));
    type Summary = {
      funding: {
        totals: StageTotals;
        byLine: { totals: StageTotals }[];
        byAccount: { totals: StageTotals }[];
        byFiscalYear: { totals: StageTotals }[];
      };
    };
    const region = await analysis<Summary>(app, headers, '/api/v1/analysis/summary');
    expect(region.funding.totals).toEqual(registry);
    for (const breakdown of ['byLine', 'byAccount', 'byFiscalYear'] as const) {
      expect(addTotals(region.funding[breakdown].map((entry) => entry.totals))).toEqual(registry);
    }
    const countries = await Promise.all(
      ['BZ', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA', 'MX', 'US'].map((code) =>
        analysis<Summary>(app, headers, `/api/v1/analysis/summary?country=${code}`),
      ),
    );
    expect(addTotals(countries.map((country) => country.funding.totals))).toEqual(registry);
    expect(registry.committed).toBeGreaterThan(100_000_000);
  });
});
