import { countries as countryList, type Goal, type Indicator } from '@atlas/domain';
import type { SampleProgram, SampleSite } from '../types';
import { allocateAccounts, COMMITTED_TOTAL_USD, fundingRows } from './funding';
import { linePartners, partnersFor } from './partners';
import { AS_OF, planPrograms, type ProgramPlan } from './program-plan';
import { Random, stableId } from './prng';
import { dayNumber } from './dates';

export const PROGRAM_SOURCE =
  'Illustrative; funding scaled to the CARSI fact sheet (~$165M) and GAO-13-771 account mix';

const ILLUSTRATIVE_NOTE = {
  en: 'Illustrative record generated for the CARSI Atlas sample; not an actual U.S. program.',
  es: 'Registro ilustrativo generado para la muestra del Atlas CARSI; no es un programa real de EE. UU.',
};

function countryNames(plan: ProgramPlan, lang: 'en' | 'es'): string {
  if (plan.regional)
    return lang === 'en' ? 'Central America (regional)' : 'Centroamérica (regional)';
  return plan.countries
    .map((code) => countryList.find((country) => country.code === code)?.[lang] ?? code)
    .join(', ');
}

function titles(
  plan: ProgramPlan,
): Pick<SampleProgram, 'title' | 'titleEs' | 'summary' | 'summaryEs'> {
  const { title, summary } = plan.template;
  const phaseEn = plan.phase > 1 ? `, phase ${plan.phase}` : '';
  const phaseEs = plan.phase > 1 ? `, fase ${plan.phase}` : '';
  const places = plan.regional
    ? { en: ` in ${plan.countries.length} countries`, es: ` en ${plan.countries.length} países` }
    : { en: ` in ${countryNames(plan, 'en')}`, es: ` en ${countryNames(plan, 'es')}` };
  return {
    title: `${title.en} — ${countryNames(plan, 'en')}${phaseEn}`,
    titleEs: `${title.es} — ${countryNames(plan, 'es')}${phaseEs}`,
    summary: `${summary.en}${places.en}. ${ILLUSTRATIVE_NOTE.en}`,
    summaryEs: `${summary.es}${places.es}. ${ILLUSTRATIVE_NOTE.es}`,
  };
}

function goalsOf(plan: ProgramPlan, random: Random): Goal[] {
  const goals = [...plan.template.goals];
  if (plan.regional && !goals.includes(5)) goals.push(5);
  if (random.chance(0.2)) {
    const extra = random.int(1, 5) as Goal;
    if (!goals.includes(extra)) goals.push(extra);
  }
  return goals;
}

/** Share of the program's planned duration elapsed at the as-of date (0…1). */
function progressOf(plan: ProgramPlan): number {
  const start = dayNumber(plan.startDate);
  const end = plan.endDate === null ? dayNumber('2015-09-30') : dayNumber(plan.endDate);
  return Math.min(1, Math.max(0, (dayNumber(AS_OF) - start) / Math.max(1, end - start)));
}

function indicatorsOf(plan: ProgramPlan, random: Random): Indicator[] {
  const factor = plan.regional ? 1.5 : 1;
  return plan.template.indicators.map((template) => {
    const percent = template.unit === 'percent';
    const target = percent
      ? template.target
      : Math.max(1, Math.round(template.target * factor * random.float(0.6, 1.4)));
    const baseline = percent ? 0 : Math.round(target * random.float(0, 0.2));
    let actual: number | null = null;
    if (plan.status === 'completed') actual = Math.round(target * random.float(0.7, 1.15));
    else if (plan.status !== 'planned') {
      actual = Math.round(target * progressOf(plan) * random.float(0.6, 1.1));
    }
    if (percent && actual !== null) actual = Math.min(100, actual);
    return {
      code: template.code,
      name: template.name,
      unit: template.unit,
      baseline,
      target,
      actual,
    };
  });
}

function partnersOf(plan: ProgramPlan, random: Random): string[] {
  const national = random.sample(partnersFor(plan.countries), plan.regional ? 3 : random.int(1, 2));
  const civil = random.chance(0.6) ? [random.pick(linePartners[plan.template.line])] : [];
  return [...new Set([...national, ...civil])];
}

/** Programs with funding, indicators and (through `sitesOf`) their sites. */
export function generatePrograms(
  seed: string,
  scale: number,
  sitesOf: (plan: ProgramPlan, programId: string) => SampleSite[],
): SampleProgram[] {
  const random = Random.stream(seed, 'programs');
  const plans = planPrograms(random, scale);
  const allocations = allocateAccounts(
    plans.map((plan) => ({ accounts: plan.template.accounts, weight: plan.weight })),
    COMMITTED_TOTAL_USD * scale,
  );
  return plans.map((plan, index) => {
    const id = stableId(`program:${plan.code}`);
    return {
      id,
      code: plan.code,
      ...titles(plan),
      line: plan.template.line,
      goals: goalsOf(plan, random),
      countries: plan.countries,
      agency: plan.template.agency,
      partners: partnersOf(plan, random),
      status: plan.status,
      startDate: plan.startDate,
      endDate: plan.endDate,
      funding: fundingRows(
        {
          committedByAccount: allocations[index]!,
          fiscalYears: plan.fiscalYears,
          planned: plan.status === 'planned',
        },
        random,
      ),
      indicators: indicatorsOf(plan, random),
      source: PROGRAM_SOURCE,
      illustrative: true,
      sites: sitesOf(plan, id),
    };
  });
}
