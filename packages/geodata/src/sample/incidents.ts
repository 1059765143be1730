import { along, centroid, length, lineString } from '@turf/turf';
import type { Position } from 'geojson';
import type { CorridorMode, CountryCode, IncidentKind } from '@atlas/domain';
import type { Locator } from '../geo/locator';
import type { SampleCommunity, SampleCorridor, SampleIncident } from '../types';
import { dateOfDay, dayNumber } from './dates';
import { roundPosition, scatter } from './geometry';
import { attributesOf } from './incident-attributes';
import type { Town } from './places';
import { Random, stableId } from './prng';

export const INCIDENTS_PER_SCALE = 5000;
export const FIRST_DAY = '2009-01-01';
export const LAST_DAY = '2013-12-31';
/** Share of incidents along corridors; the rest happen around communities at risk. */
const CORRIDOR_SHARE = 0.45;
/** A point at sea counts for the nearest country only this close to one of its towns. */
const MAX_SEA_DISTANCE_KM = 200;

const SOURCES = {
  corridor: 'Illustrative; after UNODC TOCTA 2012',
  community: 'Illustrative; after UNODC homicide data',
};

const modeWeight: Record<CorridorMode, number> = { land: 3, maritime: 2, riverine: 1.5, air: 1 };

const kindsByMode: Record<CorridorMode, [IncidentKind, number][]> = {
  land: [
    ['seizure', 0.5],
    ['trafficking_event', 0.25],
    ['arrest', 0.25],
  ],
  riverine: [
    ['seizure', 0.6],
    ['trafficking_event', 0.4],
  ],
  air: [
    ['clandestine_airstrip', 0.4],
    ['seizure', 0.4],
    ['arrest', 0.2],
  ],
  maritime: [['seizure', 1]],
};
const communityKinds: [IncidentKind, number][] = [
  ['homicide', 0.55],
  ['extortion', 0.25],
  ['arrest', 0.2],
];

interface Draft {
  kind: IncidentKind;
  position: Position;
  country: CountryCode;
  setting: 'corridor' | 'sea' | 'community';
}

const kmBetween = ([lon1, lat1]: Position, [lon2, lat2]: Position) => {
  const x = (lon2! - lon1!) * Math.cos((((lat1! + lat2!) / 2) * Math.PI) / 180);
  return Math.hypot(x, lat2! - lat1!) * 111.32;
};

/**
 * Incidents clustered along corridors (seizures, trafficking events, airstrips) and around
 * communities at risk (homicides, extortion, arrests), dated 2009–2013. Points on land take
 * the country they fall in; only maritime seizures may lie at sea, credited to the nearest
 * country's coast.
 */
export function generateIncidents(
  seed: string,
  scale: number,
  corridors: readonly SampleCorridor[],
  communities: readonly SampleCommunity[],
  towns: readonly Town[],
  locator: Locator,
): SampleIncident[] {
  const random = Random.stream(seed, 'incidents');
  const lines = corridors.flatMap((corridor) => {
    const paths =
      corridor.geometry.type === 'LineString'
        ? [corridor.geometry.coordinates]
        : corridor.geometry.coordinates;
    return paths.map((coordinates) => {
      const line = lineString(coordinates);
      return { corridor, line, km: length(line) };
    });
  });
  const centers = communities.map((community) =>
    community.geometry.type === 'Point'
      ? community.geometry.coordinates
      : roundPosition(centroid(community.geometry).geometry.coordinates),
  );

  const nearestCountry = (position: Position): CountryCode | null => {
    let best: Town | null = null;
    let bestKm = MAX_SEA_DISTANCE_KM;
    for (const town of towns) {
      const km = kmBetween(position, town.position);
      if (km < bestKm) [best, bestKm] = [town, km];
    }
    return best?.country ?? null;
  };

  const alongCorridor = (): Draft | null => {
    const { corridor, line, km } = random.weighted(lines, (l) => modeWeight[l.corridor.mode]);
    const mode = corridor.mode;
    const kind = random.weighted(kindsByMode[mode], ([, w]) => w)[0];
    // Air incidents happen where the planes land: the last stretch of the route.
    const distance = mode === 'air' ? km * random.float(0.85, 1) : km * random.float();
    const onLine = along(line, distance).geometry.coordinates;
    const spreadKm = { land: 4, riverine: 2, air: 10, maritime: 15 }[mode];
    const position = scatter(random, onLine, spreadKm);
    const location = locator.locate(position);
    if (location) return { kind, position, country: location.country, setting: 'corridor' };
    if (mode !== 'maritime') return null;
    const country = nearestCountry(position);
    return country ? { kind, position, country, setting: 'sea' } : null;
  };

  const aroundCommunity = (): Draft | null => {
    const index = communities.indexOf(
      random.weighted(communities, (c) => Math.sqrt(c.population) * c.homicideRate),
    );
    const kind = random.weighted(communityKinds, ([, w]) => w)[0];
    const position = scatter(random, centers[index]!, 3);
    const location = locator.locate(position);
    return location ? { kind, position, country: location.country, setting: 'community' } : null;
  };

  const first = dayNumber(FIRST_DAY);
  const last = dayNumber(LAST_DAY);
  const incidents: SampleIncident[] = [];
  for (let index = 0; incidents.length < INCIDENTS_PER_SCALE * scale; index += 1) {
    const draft = random.chance(CORRIDOR_SHARE) ? alongCorridor() : aroundCommunity();
    if (!draft) continue; // fell in the sea or outside the region: draw again
    incidents.push({
      id: stableId(`incident:${index}`),
      kind: draft.kind,
      occurredOn: dateOfDay(random.int(first, last)),
      geometry: { type: 'Point', coordinates: draft.position },
      country: draft.country,
      ...attributesOf(draft.kind, random, draft.setting),
      description: null,
      source: SOURCES[draft.setting === 'community' ? 'community' : 'corridor'],
      illustrative: true,
    });
  }
  return incidents.sort(
    (a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id.localeCompare(b.id),
  );
}
