import { countries, Program, programLines, programStatuses } from '@atlas/domain';
import Type, { type Static } from 'typebox';
import { codeFilter, PageLinksSchema, pagingQuery, sortQuery } from '../../lib/query';

export const PROGRAM_SORT_FIELDS = [
  'code',
  'title',
  'startDate',
  'endDate',
  'status',
  'line',
  'updatedAt',
] as const;
export type ProgramSortField = (typeof PROGRAM_SORT_FIELDS)[number];

export const ProgramListQuery = Type.Object({
  ...pagingQuery({ limit: 50, max: 500 }),
  sort: sortQuery(PROGRAM_SORT_FIELDS, 'code'),
  country: codeFilter(countries, 'Only programs working in this country'),
  line: codeFilter(programLines, 'Only programs of this program line'),
  status: codeFilter(programStatuses, 'Only programs with this status'),
});
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

/** A program as listed: the record without its funding rows and indicators, plus totals. */
export const ProgramSummary = Type.Object(
  { ...Type.Omit(Program, ['funding', 'indicators']).properties, totals: StageTotals },
  { title: 'ProgramSummary' },
);
export type ProgramSummary = Static<typeof ProgramSummary>;

export const ProgramList = Type.Object({
  items: Type.Array(ProgramSummary),
  total: Type.Integer({ minimum: 0, description: 'Programs matching the filters' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  links: PageLinksSchema,
});
