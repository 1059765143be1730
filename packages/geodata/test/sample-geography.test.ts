import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath, loadSampleData } from '../src';
import { NATIONAL_HOMICIDE_RATES } from '../src/sample/communities';
import { locator, positionsToCheck } from './helpers';

const sample = loadSampleData();

describe('sample data: corridors', () => {
  const pathsOf = (corridor: (typeof sample.corridors)[number]) =>
    corridor.geometry.type === 'LineString'
      ? [corridor.geometry.coordinates]
      : corridor.geometry.coordinates;

  it('cover the four modes with valid, non-repeating lines', () => {
    expect(new Set(sample.corridors.map((c) => c.mode))).toEqual(
      new Set(['land', 'maritime', 'air', 'riverine']),
    );
    for (const corridor of sample.corridors) {
      for (const path of pathsOf(corridor)) {
        expect(path.length).toBeGreaterThanOrEqual(2);
        path.slice(1).forEach((position, i) => {
          expect(position, corridor.name).not.toEqual(path[i]);
        });
      }
    }
  });

  it('keep maritime routes at sea and land and river routes on land', () => {
    for (const corridor of sample.corridors) {
      for (const position of pathsOf(corridor).flat()) {
        const onLand = locator.locate(position) !== null;
        if (corridor.mode === 'maritime') expect(onLand, corridor.name).toBe(false);
        if (corridor.mode === 'land' || corridor.mode === 'riverine') {
          expect(onLand, corridor.name).toBe(true);
        }
      }
    }
  });
});

describe('sample data: communities at risk', () => {
  it('sit at towns whose country and department match the boundaries', () => {
    for (const community of sample.communities) {
      for (const position of positionsToCheck(community.geometry)) {
        expect(locator.locate(position)?.country, community.name).toBe(community.country);
      }
      if (community.geometry.type === 'Point') {
        expect(locator.locate(community.geometry.coordinates)?.department).toBe(
          community.department,
        );
      }
      expect(Number.isInteger(community.population)).toBe(true);
      expect(community.year).toBeGreaterThanOrEqual(2010);
      expect(community.year).toBeLessThanOrEqual(2013);
    }
  });

  it('have homicide rates around the UNODC national rates', () => {
    for (const [country, rates] of Object.entries(NATIONAL_HOMICIDE_RATES)) {
      const own = sample.communities.filter((c) => c.country === country);
      expect(own.length, country).toBeGreaterThan(0);
      const national = Math.max(...Object.values(rates));
      const mean = own.reduce((sum, c) => sum + c.homicideRate, 0) / own.length;
      expect(mean, country).toBeGreaterThan(national * 0.7);
      expect(mean, country).toBeLessThan(national * 1.5);
    }
  });
});

describe('sample data: incidents', () => {
  it('fall between 2009-01-01 and 2013-12-31', () => {
    for (const incident of sample.incidents) {
      expect(incident.occurredOn >= '2009-01-01' && incident.occurredOn <= '2013-12-31').toBe(true);
    }
  });

  it('lie in their country, except maritime seizures at sea', () => {
    let atSea = 0;
    for (const incident of sample.incidents) {
      const location = locator.locate(incident.geometry.coordinates);
      if (location === null) {
        atSea += 1;
        expect(incident.kind).toBe('seizure');
      } else {
        expect(location.country).toBe(incident.country);
      }
    }
    expect(atSea).toBeGreaterThan(0);
  });

  it('weight seizures to corridors and homicides and extortion to communities', () => {
    const count = (kind: string) => sample.incidents.filter((i) => i.kind === kind).length;
    expect(count('seizure')).toBeGreaterThan(count('trafficking_event'));
    expect(count('homicide')).toBeGreaterThan(count('extortion'));
    expect(count('clandestine_airstrip')).toBeGreaterThan(0);
    const airstrips = sample.incidents.filter((i) => i.kind === 'clandestine_airstrip');
    const inHonduras = airstrips.filter((i) => i.country === 'HN').length;
    expect(inHonduras / airstrips.length).toBeGreaterThan(0.5);
  });

  it('keep the committed incidents file well under 2 MB', () => {
    expect(statSync(dataPath('sample', 'incidents.json')).size).toBeLessThan(1_800_000);
  });
});
