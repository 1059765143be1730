// Country populations for "funding per inhabitant": the census nearest to the CARSI years
// (2008–2013) of each country's national statistics office (Guatemala's 2018 census is nearer
// to those years than its 2002 one). The United States row is the four border states the atlas
// draws (2010 census), not the nation. Departments: see department-populations.ts.
import type { CountryCode } from '../codes';

export interface PopulationFigure {
  value: number;
  /** The census year; null when the figure mixes years (the departments' place sums). */
  year: number | null;
  source: string;
  /** True when the figure undercounts by construction (departments: places of 1,000+ only). */
  lowerBound?: boolean;
}

/** A national census figure. */
export interface CensusFigure extends PopulationFigure {
  year: number;
}

export const countryPopulations: Readonly<Record<CountryCode, CensusFigure>> = Object.freeze({
  BZ: {
    value: 322_453,
    year: 2010,
    source: 'Statistical Institute of Belize, Population and Housing Census 2010',
  },
  GT: {
    value: 14_901_286,
    year: 2018,
    source: 'INE Guatemala, XII Censo Nacional de Población 2018',
  },
  SV: { value: 5_744_113, year: 2007, source: 'DIGESTYC El Salvador, VI Censo de Población 2007' },
  HN: {
    value: 8_303_771,
    year: 2013,
    source: 'INE Honduras, XVII Censo de Población y Vivienda 2013',
  },
  NI: { value: 5_142_098, year: 2005, source: 'INIDE Nicaragua, VIII Censo de Población 2005' },
  CR: {
    value: 4_301_712,
    year: 2011,
    source: 'INEC Costa Rica, X Censo Nacional de Población 2011',
  },
  PA: { value: 3_405_813, year: 2010, source: 'INEC Panamá, XI Censo Nacional de Población 2010' },
  MX: { value: 112_336_538, year: 2010, source: 'INEGI, Censo de Población y Vivienda 2010' },
  US: {
    value: 70_850_713,
    year: 2010,
    source: 'U.S. Census Bureau, 2010 Census: Arizona, California, New Mexico and Texas',
  },
});
