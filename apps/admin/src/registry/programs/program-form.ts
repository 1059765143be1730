// The program editor's form values and their conversion to and from the API's shapes.
import type { CountryCode, FundingRow, ProgramInput } from '@atlas/domain';
import type { ProgramRecord } from '../../api/programs';

export interface IndicatorForm {
  code: string;
  name: string;
  unit: string;
  baseline: number | '';
  target: number | '';
  actual: number | '';
}

export interface ProgramForm {
  code: string;
  title: string;
  titleEs: string;
  summary: string;
  summaryEs: string;
  line: string | null;
  goals: string[];
  countries: string[];
  agency: string | null;
  partners: string[];
  status: string | null;
  startDate: string;
  endDate: string;
  funding: FundingRow[];
  indicators: IndicatorForm[];
  source: string;
  illustrative: boolean;
}

export function emptyProgramForm(countries: readonly CountryCode[] | null): ProgramForm {
  return {
    code: '',
    title: '',
    titleEs: '',
    summary: '',
    summaryEs: '',
    line: null,
    goals: [],
    // A coordinator limited to one country starts with it chosen.
    countries: countries?.length === 1 ? [...countries] : [],
    agency: null,
    partners: [],
    status: 'planned',
    startDate: '',
    endDate: '',
    funding: [],
    indicators: [],
    source: '',
    illustrative: false,
  };
}

export function programToForm(program: ProgramRecord): ProgramForm {
  return {
    code: program.code,
    title: program.title,
    titleEs: program.titleEs,
    summary: program.summary,
    summaryEs: program.summaryEs,
    line: program.line,
    goals: program.goals.map(String),
    countries: [...program.countries],
    agency: program.agency,
    partners: [...program.partners],
    status: program.status,
    startDate: program.startDate,
    endDate: program.endDate ?? '',
    funding: program.funding.map((row) => ({ ...row })),
    indicators: program.indicators.map((indicator) => ({
      ...indicator,
      actual: indicator.actual ?? '',
    })),
    source: program.source ?? '',
    illustrative: program.illustrative,
  };
}

const orUndefined = <T>(value: T | '' | null): T | undefined =>
  value === '' || value === null ? undefined : value;

/** The form as a ProgramInput (blank optionals as null; blank required fields left out). */
export function programFormToInput(form: ProgramForm): ProgramInput {
  return {
    code: form.code,
    title: form.title,
    titleEs: form.titleEs,
    summary: form.summary,
    summaryEs: form.summaryEs,
    line: orUndefined(form.line),
    goals: form.goals.map(Number),
    countries: form.countries,
    agency: orUndefined(form.agency),
    partners: form.partners,
    status: orUndefined(form.status),
    startDate: form.startDate,
    endDate: form.endDate === '' ? null : form.endDate,
    funding: form.funding,
    indicators: form.indicators.map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      baseline: orUndefined(indicator.baseline),
      target: orUndefined(indicator.target),
      actual: indicator.actual === '' ? null : indicator.actual,
    })),
    source: form.source === '' ? null : form.source,
    illustrative: form.illustrative,
  } as ProgramInput;
}

/** A stored program as the input it would be sent as (the base for "what did I change"). */
export function programRecordToInput(program: ProgramRecord): object {
  return programFormToInput(programToForm(program));
}
