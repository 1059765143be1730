// Programs with their funding rows and where their sites are, for the funding breakdowns; the
// funding rows of a set of programs (also read by the exports).
import type { CountryCode, FundingRow, Goal, ProgramLine, ProgramStatus } from '@atlas/domain';
import type { Database } from '@atlas/db';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { AnalysisDb } from './run';

export interface ProgramWithFunding {
  id: string;
  code: string;
  title: string;
  line: ProgramLine;
  status: ProgramStatus;
  goals: Goal[];
  countries: CountryCode[];
  funding: FundingRow[];
  sites: { id: string; country: string | null; department: string | null }[];
}

/** Live programs matching `where` (on `programs`), with funding rows and live sites. */
export async function programsWithFunding(
  trx: AnalysisDb,
  where: Expression<SqlBool> | null,
): Promise<ProgramWithFunding[]> {
  let query = trx
    .selectFrom('programs')
    .select([
      'programs.id',
      'programs.code',
      'programs.title',
      'programs.line',
      'programs.status',
      'programs.goals',
      'programs.countries',
    ])
    .where('programs.deletedAt', 'is', null);
  if (where) query = query.where(where);
  const programs = await query.orderBy('programs.code').execute();
  if (programs.length === 0) return [];
  const ids = programs.map((program) => program.id);
  const [funding, sites] = await Promise.all([
    fundingByProgram(trx, ids),
    trx
      .selectFrom('sites')
      .select(['id', 'programId', 'country', 'department'])
      .where('programId', 'in', ids)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  const sitesOf = groupByProgram(sites);
  return programs.map((program) => ({
    ...program,
    goals: program.goals.map(Number) as Goal[],
    funding: funding.get(program.id) ?? [],
    sites: sitesOf.get(program.id) ?? [],
  }));
}

/** Rows by program id, without the program id, in the order read. */
export function groupByProgram<T extends { programId: string }>(rows: readonly T[]) {
  const groups = new Map<string, Omit<T, 'programId'>[]>();
  for (const { programId, ...rest } of rows) {
    const group = groups.get(programId) ?? [];
    group.push(rest);
    groups.set(programId, group);
  }
  return groups;
}

/** The funding rows of these programs by program id, by fiscal year, account and stage. */
export async function fundingByProgram(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, FundingRow[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('programFunding')
    .select(['programId', 'fiscalYear', 'account', 'stage', 'amountUsd'])
    .where('programId', 'in', [...ids])
    .orderBy('programId')
    .orderBy('fiscalYear')
    .orderBy('account')
    .orderBy('stage')
    .execute();
  return groupByProgram(rows);
}
