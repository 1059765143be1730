import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { communityNeed, coverageGaps } from '../../src';

const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });
const communities = [
  { geometry: point(0, 0), properties: { name: 'covered', population: 50_000, homicideRate: 90 } },
  { geometry: point(1, 0), properties: { name: 'big', population: 200_000, homicideRate: 40 } },
  { geometry: point(2, 0), properties: { name: 'violent', population: 40_000, homicideRate: 100 } },
  { geometry: point(3, 0), properties: { name: 'small', population: 1_000, homicideRate: 10 } },
];
const sites = [
  { geometry: point(0.05, 0), properties: { id: 's1' } },
  { geometry: point(1.5, 0), properties: { id: 's2' } },
];

describe('coverageGaps', () => {
  it('ranks the uncovered communities by expected homicides per year', () => {
    const result = coverageGaps(communities, sites, 10_000);
    expect(result.gaps.map((gap) => gap.properties.name)).toEqual(['big', 'violent', 'small']);
    expect(result.gaps.map((gap) => gap.properties.need)).toEqual([80, 40, 0.1]);
    expect(result.gaps.map((gap) => gap.properties.rank)).toEqual([1, 2, 3]);
    expect(result.counts).toEqual({ communities: 4, covered: 1, gaps: 3 });
    expect(result.population).toEqual({ atRisk: 291_000, inGaps: 241_000, covered: 50_000 });
  });

  it('names the nearest site of each gap', () => {
    const [big, violent] = coverageGaps(communities, sites, 10_000).gaps;
    expect(big!.properties.nearestSite!.site).toEqual({ id: 's2' });
    expect(violent!.properties.nearestSite!.site).toEqual({ id: 's2' });
    expect(big!.properties.nearestSite!.distanceM).toBeCloseTo(55_597.5, 0);
  });

  it('has no nearest site when there are no sites, and no gaps with a wide radius', () => {
    expect(coverageGaps(communities, [], 10_000).gaps[0]!.properties.nearestSite).toBeNull();
    expect(coverageGaps(communities, sites, 400_000).counts.gaps).toBe(0);
  });

  it('measures only the candidates the caller names for each community', () => {
    const onlyFirst = coverageGaps(communities, sites, 10_000, { candidatesOf: () => [sites[0]!] });
    expect(
      onlyFirst.gaps.find((gap) => gap.properties.name === 'big')!.properties.nearestSite!.site,
    ).toEqual({ id: 's1' });
    const seen: number[] = [];
    const none = coverageGaps(communities, sites, 10_000, {
      candidatesOf: (_community, index) => {
        seen.push(index);
        return [];
      },
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(none.counts).toEqual({ communities: 4, covered: 0, gaps: 4 });
  });

  it('computes need as population × rate / 100,000', () => {
    expect(communityNeed({ population: 139_100, homicideRate: 75.1 })).toBeCloseTo(104.4641, 4);
  });
});
