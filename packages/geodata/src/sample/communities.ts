import type { CountryCode } from '@atlas/domain';
import type { Locator } from '../geo/locator';
import type { SampleCommunity } from '../types';
import { scatter, smallCircle } from './geometry';
import { townsOf, type Town } from './places';
import { Random, stableId } from './prng';

/**
 * National homicide rates per 100,000 (UNODC homicide statistics; the 2010 value stands in
 * for years without a published figure in the brief's table).
 */
export const NATIONAL_HOMICIDE_RATES: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  HN: { 2010: 82.1, 2011: 91.6 },
  SV: { 2010: 64.7, 2011: 69.2 },
  BZ: { 2010: 41.7 },
  GT: { 2010: 41.4, 2011: 38.5 },
  PA: { 2010: 21.6 },
  NI: { 2010: 13.6 },
  CR: { 2010: 11.3 },
};

/** Communities per country at scale 1 (more where violence is worse); 160 in all. */
const COMMUNITIES_PER_COUNTRY: Readonly<Record<string, number>> = {
  HN: 36,
  SV: 30,
  GT: 36,
  BZ: 10,
  PA: 16,
  NI: 16,
  CR: 16,
};

/** The national rate of a year: that year's figure, else the latest earlier one, else 2010. */
export function nationalRate(country: CountryCode, year: number): number {
  const rates = NATIONAL_HOMICIDE_RATES[country];
  if (!rates) throw new Error(`no homicide rate for ${country}`);
  const years = Object.keys(rates)
    .map(Number)
    .filter((known) => known <= year)
    .sort((a, b) => b - a);
  return rates[years[0] ?? 2010]!;
}

/**
 * Communities at risk at real towns. Each rate is drawn around the national rate (a log-normal
 * spread, so most stay within about ±40%); population is the GeoNames figure. Beyond the
 * country's towns (at larger scales) towns repeat as separate sectors around the town.
 */
export function generateCommunities(
  seed: string,
  scale: number,
  towns: readonly Town[],
  locator: Locator,
): SampleCommunity[] {
  const random = Random.stream(seed, 'communities');
  const communities: SampleCommunity[] = [];
  for (const [country, perCountry] of Object.entries(COMMUNITIES_PER_COUNTRY)) {
    const code = country as CountryCode;
    const own = townsOf(towns, code);
    const wanted = perCountry * scale;
    // Larger towns are likelier picks: violence concentrates in cities and their outskirts.
    const chosen = random.weightedSample(
      own,
      Math.min(wanted, own.length),
      (town) => town.population,
    );
    for (let index = 0; index < wanted; index += 1) {
      const sector = Math.floor(index / own.length);
      const town = chosen[index % chosen.length]!;
      const center = sector === 0 ? town.position : scatter(random, town.position, 2);
      const location = locator.locate(center);
      if (location?.country !== code) continue;
      const year = random.int(2010, 2013);
      const national = nationalRate(code, year);
      const homicideRate = Math.round(national * Math.exp(random.normal(0.1, 0.3)) * 10) / 10;
      // Some larger towns get a neighbourhood polygon, kept only if it stays on land.
      const circle =
        town.population > 50_000 && random.chance(0.3) ? smallCircle(center, 1.5, 16) : null;
      const polygon = circle?.coordinates[0]!.every((v) => locator.locate(v)?.country === code);
      communities.push({
        id: stableId(`community:${code}:${index}`),
        name: sector === 0 ? town.name : `${town.name}, sector ${sector + 1}`,
        country: code,
        department: location.department,
        geometry: polygon && circle ? circle : { type: 'Point', coordinates: center },
        population: sector === 0 ? town.population : Math.round(town.population / 10),
        homicideRate,
        year,
        source: `Illustrative; rate drawn around the UNODC national rate (${national} per 100,000)`,
        illustrative: true,
      });
    }
  }
  return communities;
}
