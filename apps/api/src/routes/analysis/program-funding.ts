// Programs with their funding rows and where their sites are, for the funding breakdowns.
import type { CountryCode, FundingRow, Goal, ProgramLine, ProgramStatus } from '@atlas/domain';
import type { Expression, SqlBool } from 'kysely';
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
    trx
      .selectFrom('programFunding')
      .select(['programId', 'fiscalYear', 'account', 'stage', 'amountUsd'])
      .where('programId', 'in', ids)
      .orderBy('programId')
      .orderBy('fiscalYear')
      .orderBy('account')
      .orderBy('stage')
      .execute(),
    trx
      .selectFrom('sites')
      .select(['id', 'programId', 'country', 'department'])
      .where('programId', 'in', ids)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  return programs.map((program) => ({
    ...program,
    goals: program.goals.map(Number) as Goal[],
    funding: funding
      .filter((row) => row.programId === program.id)
      .map(({ fiscalYear, account, stage, amountUsd }) => ({
        fiscalYear,
        account,
        stage,
        amountUsd,
      })),
    sites: sites
      .filter((site) => site.programId === program.id)
      .map(({ id, country, department }) => ({ id, country, department })),
  }));
}
