import {
  carsiCountryCodes,
  countries as countryList,
  fiscalYearOf,
  type CountryCode,
  type ProgramStatus,
} from '@atlas/domain';
import { addDays, dateOfDay, dayNumber } from './dates';
import { FIRST_FY, LAST_FY } from './funding';
import type { Random } from './prng';
import { programTemplates, type ProgramTemplate } from './program-templates';

/** The sample describes the initiative as GAO saw it on 1 June 2013. */
export const AS_OF = '2013-06-01';

/** National programs per CARSI country and regional programs, at scale 1 (7 × 8 + 7 = 63). */
const NATIONAL_PER_COUNTRY = 8;
const REGIONAL = 7;

const lineAbbreviations = { enforcement: 'ENF', capacity: 'CAP', prevention: 'PRV' } as const;

/** Templates that make sense for programs spanning several countries. */
const regionalTemplateKeys = [
  'regional-coordination',
  'maritime-interdiction',
  'vetted-units',
  'anti-money-laundering',
  'gang-prevention',
  'port-security',
  'firearms-tracing',
];

/** Everything about a program that its funding, indicators and sites depend on. */
export interface ProgramPlan {
  code: string;
  template: ProgramTemplate;
  countries: CountryCode[];
  regional: boolean;
  /** 1 for the first program of a template in a place, 2 for the second… */
  phase: number;
  startDate: string;
  endDate: string | null;
  status: ProgramStatus;
  fiscalYears: number[];
  /** Relative size, used to share the funding. */
  weight: number;
}

function drawDates(random: Random): { startDate: string; endDate: string | null } {
  if (random.chance(0.05)) {
    // Planned: starts after the as-of date, still in FY2013.
    return {
      startDate: dateOfDay(random.int(dayNumber('2013-06-15'), dayNumber('2013-09-15'))),
      endDate: null,
    };
  }
  const startDate = dateOfDay(random.int(dayNumber('2007-10-01'), dayNumber('2012-09-30')));
  const endDate = random.chance(0.1) ? null : addDays(startDate, random.int(730, 2190));
  return { startDate, endDate };
}

function statusOf(startDate: string, endDate: string | null, random: Random): ProgramStatus {
  if (startDate > AS_OF) return 'planned';
  if (endDate !== null && endDate < AS_OF) return 'completed';
  return random.chance(0.08) ? 'suspended' : 'active';
}

function fundedYears(startDate: string, endDate: string | null): number[] {
  const first = Math.max(FIRST_FY, fiscalYearOf(startDate));
  const last = Math.min(LAST_FY, endDate === null ? LAST_FY : fiscalYearOf(endDate));
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return years;
}

function countryOrder(codes: CountryCode[]): CountryCode[] {
  const order = countryList.map((country) => country.code);
  return [...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** The templates in round-robin order of line, so consecutive programs mix the three lines. */
function interleavedTemplates(): ProgramTemplate[] {
  const byLine = ['enforcement', 'capacity', 'prevention'].map((line) =>
    programTemplates.filter((template) => template.line === line),
  );
  const longest = Math.max(...byLine.map((list) => list.length));
  const order: ProgramTemplate[] = [];
  for (let i = 0; i < longest; i += 1) {
    for (const list of byLine) {
      const template = list[i];
      if (template) order.push(template);
    }
  }
  return order;
}

/** Lays out the programs: which template, where, when and how big. */
export function planPrograms(random: Random, scale: number): ProgramPlan[] {
  const plans: ProgramPlan[] = [];
  const serials = new Map<string, number>();
  const phases = new Map<string, number>();
  const regionalTemplates = programTemplates.filter((t) => regionalTemplateKeys.includes(t.key));

  const add = (template: ProgramTemplate, countries: CountryCode[], regional: boolean) => {
    const prefix = `${regional ? 'RG' : countries[0]!}-${lineAbbreviations[template.line]}`;
    const serial = (serials.get(prefix) ?? 0) + 1;
    serials.set(prefix, serial);
    const placeKey = `${template.key}|${countries.join(',')}`;
    const phase = (phases.get(placeKey) ?? 0) + 1;
    phases.set(placeKey, phase);
    const { startDate, endDate } = drawDates(random);
    plans.push({
      code: `${prefix}-${String(serial).padStart(3, '0')}`,
      template,
      countries,
      regional,
      phase,
      startDate,
      endDate,
      status: statusOf(startDate, endDate, random),
      fiscalYears: fundedYears(startDate, endDate),
      weight: Math.exp(random.normal(0, 0.6)) * (regional ? 1.6 : 1),
    });
  };

  const cycle = interleavedTemplates();
  let next = 0;
  for (let round = 0; round < scale; round += 1) {
    carsiCountryCodes.forEach((country) => {
      for (let slot = 0; slot < NATIONAL_PER_COUNTRY; slot += 1) {
        // Cycling through the templates gives every country a mix of the three lines.
        add(cycle[next % cycle.length]!, [country], false);
        next += 1;
      }
    });
    for (let r = 0; r < REGIONAL; r += 1) {
      const members = random.sample(carsiCountryCodes, random.int(2, carsiCountryCodes.length));
      add(regionalTemplates[r % regionalTemplates.length]!, countryOrder(members), true);
    }
  }
  return plans;
}
