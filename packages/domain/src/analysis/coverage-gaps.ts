// Coverage gaps: communities at risk with no site within the radius, ranked by need
// (population × homicide rate / 100,000: the expected homicides per year), each with its
// nearest site.
import type { Feature } from 'geojson';
import { placeDistanceLowerBoundM } from './bounding-cap';
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

type Place<P> = { geometry: PlaceGeometry; properties: P };

export interface CoverageGapsOptions<C, S> {
  /**
   * The sites that may be a community's nearest (default: every site). A caller that knows
   * each community's candidates (an index's nearest few plus every site within the radius)
   * measures those only, instead of every community against every site.
   */
  candidatesOf?: (community: Place<C>, index: number) => Iterable<Place<S>>;
}

/**
 * The nearest of the sites to a place. Candidates are measured in order of a cheap lower bound
 * and the search stops once that bound is no nearer than the best so far, so far polygons are
 * rarely measured exactly.
 */
function nearestOf<S>(place: PlaceGeometry, sites: Iterable<Place<S>>): NearestSite<S> | null {
  const bounded = [...sites]
    .map((site) => ({ site, boundM: placeDistanceLowerBoundM(place, site.geometry) }))
    .sort((a, b) => a.boundM - b.boundM);
  let nearest: NearestSite<S> | null = null;
  for (const { site, boundM } of bounded) {
    if (nearest && boundM >= nearest.distanceM) break;
    const distanceM = placeDistanceM(place, site.geometry);
    if (!nearest || distanceM < nearest.distanceM) {
      nearest = { site: site.properties, distanceM, geometry: site.geometry };
    }
  }
  return nearest;
}

export function coverageGaps<C extends CommunityAtRisk, S>(
  communities: readonly Place<C>[],
  sites: readonly Place<S>[],
  radiusM: number,
  { candidatesOf = () => sites }: CoverageGapsOptions<C, S> = {},
): CoverageGaps<C, S> {
  const unranked: { community: (typeof communities)[number]; nearest: NearestSite<S> | null }[] =
    [];
  let coveredPopulation = 0;
  let atRisk = 0;
  for (const [index, community] of communities.entries()) {
    atRisk += community.properties.population;
    const nearest = nearestOf(community.geometry, candidatesOf(community, index));
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
