import { describe, expect, it } from 'vitest';
import {
  agencies,
  auditActions,
  carsiCountryCodes,
  codesOf,
  confidenceLevels,
  corridorModes,
  countries,
  CountryCode,
  entityTypes,
  fundingAccounts,
  fundingStages,
  geoPrecisions,
  Goal,
  goals,
  incidentKinds,
  isCode,
  label,
  programLines,
  programStatuses,
  roles,
  threats,
  validate,
  type CodeEntry,
} from '../src';

const lists: Record<string, readonly CodeEntry[]> = {
  countries,
  goals,
  programLines,
  fundingAccounts,
  fundingStages,
  threats,
  corridorModes,
  programStatuses,
  geoPrecisions,
  agencies,
  confidenceLevels,
  incidentKinds,
  roles,
  auditActions,
  entityTypes,
};

describe('code lists', () => {
  it.each(Object.entries(lists))('%s has unique codes and both labels', (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(codesOf(list)).size).toBe(list.length);
    for (const entry of list) {
      expect(entry.en.trim()).not.toBe('');
      expect(entry.es.trim()).not.toBe('');
    }
  });

  it('matches the data model', () => {
    expect(codesOf(countries)).toEqual(['BZ', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA', 'MX', 'US']);
    expect(carsiCountryCodes).toEqual(['BZ', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA']);
    expect(codesOf(goals)).toEqual([1, 2, 3, 4, 5]);
    expect(codesOf(geoPrecisions)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(codesOf(fundingAccounts)).toEqual(['INCLE', 'ESF', 'NADR', 'FMF']);
    expect(codesOf(fundingStages)).toEqual(['committed', 'obligated', 'disbursed']);
    expect(codesOf(agencies)).toEqual(['INL', 'USAID', 'DOD', 'DOJ', 'DHS', 'STATE_OTHER']);
    expect(codesOf(entityTypes)).toContain('api_key');
  });

  it('gives countries ISO3 codes and Spanish names', () => {
    expect(countries.find((c) => c.code === 'CR')?.iso3).toBe('CRI');
    expect(label(countries, 'US', 'es')).toBe('Estados Unidos');
    expect(label(countries, 'MX', 'es')).toBe('México');
    expect(label(countries, 'PA', 'en')).toBe('Panama');
    expect(countries.filter((c) => !c.carsi).map((c) => c.code)).toEqual(['MX', 'US']);
  });

  it('labels goals with their full texts', () => {
    expect(label(goals, 1, 'en')).toBe('Safe streets for the citizens of the region');
    expect(label(goals, 4, 'es')).toMatch(/comunidades en riesgo/);
    expect(label(geoPrecisions, 6, 'es')).toBe('Todo el país');
  });

  it('checks codes with the union schemas', () => {
    expect(validate(CountryCode, 'GT').ok).toBe(true);
    expect(validate(CountryCode, 'CO').ok).toBe(false);
    expect(validate(Goal, 5).ok).toBe(true);
    expect(validate(Goal, '5').ok).toBe(false);
    expect(isCode(threats, 'gangs')).toBe(true);
    expect(isCode(threats, 'pirates')).toBe(false);
  });
});
