import type { LineString, Polygon, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { corridorCoverage, EARTH_RADIUS_M } from '../../src';
import { fixture, withRole } from './fixtures';

const DEGREE_M = (Math.PI / 180) * EARTH_RADIUS_M; // 111,194.93 m along the equator

describe('corridorCoverage (fixture coverage-equator.geojson)', () => {
  const input = fixture('coverage-equator.geojson');
  const corridor = withRole<LineString>(input, 'corridor')[0]!.geometry;
  const sites = withRole<Point | Polygon>(input, 'site').map((site) => ({
    geometry: site.geometry,
    properties: { id: String(site.properties.id) },
  }));

  it('measures the covered stretches exactly', () => {
    const result = corridorCoverage(corridor, sites, 10_000);
    expect(result.lengthM).toBeCloseTo(DEGREE_M, 3);
    const stretches = result.covered.features.map(
      (f) => [f.properties.fromM, f.properties.toM] as const,
    );
    expect(stretches).toHaveLength(2);
    // Points a (0.2°) and b (0.3°), radius 10 km: one merged stretch.
    expect(stretches[0]![0]).toBeCloseTo(0.2 * DEGREE_M - 10_000, 3);
    expect(stretches[0]![1]).toBeCloseTo(0.3 * DEGREE_M + 10_000, 3);
    // The square from 0.79° to 0.8°, radius 10 km (bisection to 0.25 m).
    expect(Math.abs(stretches[1]![0] - (0.79 * DEGREE_M - 10_000))).toBeLessThan(0.5);
    expect(Math.abs(stretches[1]![1] - (0.8 * DEGREE_M + 10_000))).toBeLessThan(0.5);
    const expectedCovered = 0.1 * DEGREE_M + 20_000 + 0.01 * DEGREE_M + 20_000;
    expect(Math.abs(result.coveredM - expectedCovered)).toBeLessThan(1);
    expect(result.coveredShare).toBeCloseTo(expectedCovered / DEGREE_M, 5);
    expect(result.uncoveredM + result.coveredM).toBeCloseTo(result.lengthM, 6);
    expect(result.uncovered.features.map((f) => f.properties.fromM)).toEqual([
      0,
      stretches[0]![1],
      stretches[1]![1],
    ]);
  });

  it('lists the covering sites along the corridor with their distances', () => {
    const result = corridorCoverage(corridor, sites, 10_000);
    expect(result.sites.map((site) => site.properties.id)).toEqual(['a', 'b', 'square']);
    const [a, , square] = result.sites.map((site) => site.properties);
    expect(a!.distanceM).toBeCloseTo(0, 6);
    expect(a!.alongM).toBeCloseTo(0.2 * DEGREE_M, 3);
    expect(square!.distanceM).toBe(0);
    expect(square!.alongM).toBeCloseTo(0.79 * DEGREE_M, 0);
  });

  it('stretches are lines on the corridor', () => {
    const result = corridorCoverage(corridor, sites, 10_000);
    for (const stretch of result.covered.features) {
      for (const [, lat] of stretch.geometry.coordinates) expect(Math.abs(lat!)).toBeLessThan(1e-9);
    }
    expect(result.covered.features[0]!.geometry.coordinates[0]![0]).toBeCloseTo(
      0.2 - 10_000 / DEGREE_M,
      9,
    );
  });

  it('covers a stretch of half-width √(r² − d²) around an offset site (spherical)', () => {
    const offsetM = 6_000; // 6 km north of the corridor, radius 10 km
    const site = { type: 'Point' as const, coordinates: [0.5, offsetM / DEGREE_M] };
    const result = corridorCoverage(corridor, [{ geometry: site, properties: {} }], 10_000);
    const R = EARTH_RADIUS_M;
    const halfWidth = Math.acos(Math.cos(10_000 / R) / Math.cos(offsetM / R)) * R;
    expect(result.coveredM).toBeCloseTo(2 * halfWidth, 3);
    expect(halfWidth).toBeCloseTo(8_000, -1); // about the planar answer
    expect(result.sites[0]!.properties.distanceM).toBeCloseTo(offsetM, 3);
  });

  it('covers nothing without sites, and everything with a site on a short corridor', () => {
    expect(corridorCoverage(corridor, [], 10_000)).toMatchObject({ coveredM: 0, coveredShare: 0 });
    const short: LineString = {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [0.01, 0],
      ],
    };
    const all = corridorCoverage(short, [{ geometry: sites[0]!.geometry, properties: {} }], 50_000);
    expect(all.coveredShare).toBe(1);
    expect(all.uncovered.features).toEqual([]);
  });
});
