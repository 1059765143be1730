// Coverage gaps: communities at risk with no site within the radius, ranked by need
// (population × homicide rate / 100,000: the expected homicides per year), each with its
// nearest site.
import type { Feature } from 'geojson';
import { placeDistanceM } from './place-distance';
import type { PlaceGeometry } from './site-distance';

export interface CommunityAtRisk {
  population: number;
  /** Homicides per 100,000 inhabitants. */
  homicideRate: number;
}

export interface NearestSite<S> {
  site: S;
  distanceM: number;
  geometry: PlaceGeometry;
}

export interface CoverageGaps<C, S> {
  /** The communities with no site within the radius, most need first. */
  gaps: Feature<
    PlaceGeometry,
    C & { rank: number; need: number; nearestSite: NearestSite<S> | null }
  >[];
  counts: { communities: number; covered: number; gaps: number };
  population: { atRisk: number; inGaps: number; covered: number };
}

/** Expected homicides per year in a community. */
export function communityNeed(community: CommunityAtRisk): number {
  return (community.population * community.homicideRate) / 100_000;
}

export function coverageGaps<C extends CommunityAtRisk, S>(
  communities: readonly { geometry: PlaceGeometry; properties: C }[],
  sites: readonly { geometry: PlaceGeometry; properties: S }[],
  radiusM: number,
): CoverageGaps<C, S> {
  const unranked: { community: (typeof communities)[number]; nearest: NearestSite<S> | null }[] =
    [];
  let coveredPopulation = 0;
  let atRisk = 0;
  for (const community of communities) {
    atRisk += community.properties.population;
    let nearest: NearestSite<S> | null = null;
    for (const site of sites) {
      const distanceM = placeDistanceM(community.geometry, site.geometry);
      if (!nearest || distanceM < nearest.distanceM) {
        nearest = { site: site.properties, distanceM, geometry: site.geometry };
      }
    }
    if (nearest && nearest.distanceM <= radiusM)
      coveredPopulation += community.properties.population;
    else unranked.push({ community, nearest });
  }
  const ranked = unranked
    .map((entry) => ({ ...entry, need: communityNeed(entry.community.properties) }))
    .sort(
      (a, b) =>
        b.need - a.need || b.community.properties.population - a.community.properties.population,
    );
  return {
    gaps: ranked.map(({ community, nearest, need }, index) => ({
      type: 'Feature',
      geometry: community.geometry,
      properties: { ...community.properties, rank: index + 1, need, nearestSite: nearest },
    })),
    counts: {
      communities: communities.length,
      covered: communities.length - ranked.length,
      gaps: ranked.length,
    },
    population: { atRisk, inGaps: atRisk - coveredPopulation, covered: coveredPopulation },
  };
}
