import {
  agencies,
  countries,
  fundingAccounts,
  Program,
  programLines,
  programStatuses,
} from '@atlas/domain';
import Type, { type Static } from 'typebox';
import { codeFilter, PageLinksSchema, pagingQuery, sortQuery } from '../../lib/query';
import { bboxQuery } from '../../registry';

export const PROGRAM_SORT_FIELDS = [
  'code',
  'title',
  'startDate',
  'endDate',
  'status',
  'line',
  'agency',
  'createdAt',
  'updatedAt',
] as const;
export type ProgramSortField = (typeof PROGRAM_SORT_FIELDS)[number];

const FiscalYear = (description: string) =>
  Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description }));

/** Unknown parameters are refused (400), so a misspelt filter never silently matches all. */
export const ProgramListQuery = Type.Object(
  {
    ...pagingQuery({ limit: 50, max: 500 }),
    sort: sortQuery(PROGRAM_SORT_FIELDS, 'code'),
    country: codeFilter(countries, 'Only programs working in this country'),
    line: codeFilter(programLines, 'Only programs of this program line'),
    goal: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5, description: 'Only programs serving this goal' }),
    ),
    status: codeFilter(programStatuses, 'Only programs with this status'),
    agency: codeFilter(agencies, 'Only programs of this agency'),
    account: codeFilter(fundingAccounts, 'Only programs with funding from this account'),
    fyFrom: FiscalYear('Only programs with funding in this fiscal year or later'),
    fyTo: FiscalYear('Only programs with funding in this fiscal year or earlier'),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Words in the code, title or summary, in English or Spanish',
      }),
    ),
    bbox: Type.Optional(bboxQuery('Only programs with a site intersecting this box')),
  },
  { additionalProperties: false },
);
export type ProgramListQuery = Static<typeof ProgramListQuery>;

/** Dollars by funding stage over every fiscal year and account (derived, never stored). */
export const StageTotals = Type.Object(
  {
    committed: Type.Integer({ minimum: 0 }),
    obligated: Type.Integer({ minimum: 0 }),
    disbursed: Type.Integer({ minimum: 0 }),
  },
  { title: 'StageTotals' },
);
export type StageTotals = Static<typeof StageTotals>;

/** A program as listed: the record without its funding rows and indicators, plus totals. */
export const ProgramSummary = Type.Object(
  { ...Type.Omit(Program, ['funding', 'indicators']).properties, totals: StageTotals },
  { title: 'ProgramSummary' },
);
export type ProgramSummary = Static<typeof ProgramSummary>;

/** One program: the stored record with its funding rows and indicators, plus totals. */
export const ProgramRecord = Type.Object(
  { ...Program.properties, totals: StageTotals },
  { title: 'ProgramRecord' },
);
export type ProgramRecord = Static<typeof ProgramRecord>;

export const ProgramList = Type.Object({
  items: Type.Array(ProgramSummary),
  total: Type.Integer({ minimum: 0, description: 'Programs matching the filters' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  links: PageLinksSchema,
});
