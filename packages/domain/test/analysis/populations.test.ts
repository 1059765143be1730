// Population figures of the summaries: countries' censuses with their sources, and departments'
// GeoNames sums labelled as lower bounds.
import { describe, expect, it } from 'vitest';
import {
  countryPopulations,
  departmentPlacePopulations,
  departmentPopulation,
  DEPARTMENT_POPULATION_SOURCE,
} from '../../src/analysis';

describe('population figures', () => {
  it('name a census source and year for every country', () => {
    for (const figure of Object.values(countryPopulations)) {
      expect(figure.value).toBeGreaterThan(300_000);
      expect(figure.year).toBeGreaterThanOrEqual(2005);
      expect(figure.source).toMatch(/Cens/);
      expect(figure.lowerBound).toBeUndefined();
    }
    // The four US border states of 2010: 6,392,017 + 37,253,956 + 2,059,179 + 25,145,561.
    expect(countryPopulations.US.value).toBe(70_850_713);
  });

  it('label a department figure a lower bound without a year', () => {
    expect(departmentPopulation('GT-PE')).toEqual({
      value: departmentPlacePopulations['GT-PE'],
      year: null,
      source: DEPARTMENT_POPULATION_SOURCE,
      lowerBound: true,
    });
    expect(departmentPopulation('GT-ZZ')).toBeNull();
  });

  it('keep every department of a country below its census', () => {
    for (const [country, census] of Object.entries(countryPopulations)) {
      const sum = Object.entries(departmentPlacePopulations)
        .filter(([code]) => code.startsWith(`${country}-`))
        .reduce((total, [, value]) => total + value, 0);
      expect(sum, country).toBeLessThan(census.value);
    }
  });
});
