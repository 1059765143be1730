import { type Static } from 'typebox';
import { codeUnion, type CodeEntry } from './code-list';

export interface CountryEntry<Code extends string = string> extends CodeEntry<Code> {
  /** ISO 3166-1 alpha-3 code. */
  readonly iso3: string;
  /** True for the seven CARSI member countries; false for context countries (MX, US). */
  readonly carsi: boolean;
}

/** The seven CARSI members (north to south), then Mexico and the United States as context. */
export const countries = [
  { code: 'BZ', iso3: 'BLZ', carsi: true, en: 'Belize', es: 'Belice' },
  { code: 'GT', iso3: 'GTM', carsi: true, en: 'Guatemala', es: 'Guatemala' },
  { code: 'SV', iso3: 'SLV', carsi: true, en: 'El Salvador', es: 'El Salvador' },
  { code: 'HN', iso3: 'HND', carsi: true, en: 'Honduras', es: 'Honduras' },
  { code: 'NI', iso3: 'NIC', carsi: true, en: 'Nicaragua', es: 'Nicaragua' },
  { code: 'CR', iso3: 'CRI', carsi: true, en: 'Costa Rica', es: 'Costa Rica' },
  { code: 'PA', iso3: 'PAN', carsi: true, en: 'Panama', es: 'Panamá' },
  { code: 'MX', iso3: 'MEX', carsi: false, en: 'Mexico', es: 'México' },
  { code: 'US', iso3: 'USA', carsi: false, en: 'United States', es: 'Estados Unidos' },
] as const satisfies readonly CountryEntry[];

export const CountryCode = codeUnion(countries, { title: 'CountryCode' });
export type CountryCode = Static<typeof CountryCode>;

/** The codes of the CARSI member countries. */
export const carsiCountryCodes: readonly CountryCode[] = countries
  .filter((country) => country.carsi)
  .map((country) => country.code);
