// Programs in SQL (bound parameters only). Funding totals are summed here, never stored.
import type { Database } from '@atlas/db';
import type {
  Agency,
  CountryCode,
  FundingAccount,
  ProgramInput,
  ProgramLine,
  ProgramStatus,
} from '@atlas/domain';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { SortKey } from '../../lib/query';
import { bboxPredicate } from '../../registry';
import type { BBox } from '@atlas/domain';
import type { ProgramRecord, ProgramSortField, ProgramSummary } from './schemas';

export interface ProgramFilters {
  country?: CountryCode;
  line?: ProgramLine;
  goal?: number;
  status?: ProgramStatus;
  agency?: Agency;
  account?: FundingAccount;
  fyFrom?: number;
  fyTo?: number;
  q?: string;
  bbox?: BBox;
}

export interface ProgramListRequest {
  filters: ProgramFilters;
  sort: SortKey<ProgramSortField>[];
  limit: number;
  offset: number;
}

type ProgramsQuery<Selected> = SelectQueryBuilder<Database, 'programs', Selected>;

/** Programs with a funding row matching the account and fiscal-year range. */
function fundingPredicate(filters: ProgramFilters) {
  const conditions = [sql`f.program_id = programs.id`];
  if (filters.account) conditions.push(sql`f.account = ${filters.account}`);
  if (filters.fyFrom !== undefined) conditions.push(sql`f.fiscal_year >= ${filters.fyFrom}`);
  if (filters.fyTo !== undefined) conditions.push(sql`f.fiscal_year <= ${filters.fyTo}`);
  return sql<boolean>`EXISTS (SELECT 1 FROM program_funding f WHERE ${sql.join(conditions, sql` AND `)})`;
}

export function applyFilters<Selected>(
  query: ProgramsQuery<Selected>,
  filters: ProgramFilters,
): ProgramsQuery<Selected> {
  let filtered = query.where('programs.deletedAt', 'is', null);
  if (filters.country) {
    // Array containment uses the GIN index on countries.
    filtered = filtered.where(
      sql<boolean>`programs.countries @> ARRAY[${filters.country}]::text[]`,
    );
  }
  if (filters.goal !== undefined) {
    filtered = filtered.where(sql<boolean>`programs.goals @> ARRAY[${filters.goal}]::smallint[]`);
  }
  if (filters.line) filtered = filtered.where('programs.line', '=', filters.line);
  if (filters.status) filtered = filtered.where('programs.status', '=', filters.status);
  if (filters.agency) filtered = filtered.where('programs.agency', '=', filters.agency);
  if (filters.account || filters.fyFrom !== undefined || filters.fyTo !== undefined) {
    filtered = filtered.where(fundingPredicate(filters));
  }
  if (filters.q !== undefined) {
    // The generated tsvectors: English (title, summary) and Spanish (titleEs, summaryEs).
    filtered = filtered.where(
      sql<boolean>`(programs.search_en @@ websearch_to_tsquery('english', ${filters.q})
        OR programs.search_es @@ websearch_to_tsquery('spanish', ${filters.q}))`,
    );
  }
  if (filters.bbox) {
    filtered = filtered.where(
      sql<boolean>`EXISTS (SELECT 1 FROM sites WHERE sites.program_id = programs.id
        AND sites.deleted_at IS NULL AND ${bboxPredicate('sites.geom', filters.bbox)})`,
    );
  }
  return filtered;
}

function stageTotal(stage: 'committed' | 'obligated' | 'disbursed') {
  return sql<number>`(
    SELECT coalesce(sum(f.amount_usd), 0)::bigint FROM program_funding f
    WHERE f.program_id = programs.id AND f.stage = ${stage}
  )`;
}

const COLUMNS = [
  'programs.id',
  'programs.code',
  'programs.title',
  'programs.titleEs',
  'programs.summary',
  'programs.summaryEs',
  'programs.line',
  'programs.goals',
  'programs.countries',
  'programs.agency',
  'programs.partners',
  'programs.status',
  'programs.startDate',
  'programs.endDate',
  'programs.source',
  'programs.illustrative',
  'programs.version',
  'programs.createdAt',
  'programs.updatedAt',
  'programs.deletedAt',
] as const;

/** Programs' columns with their derived totals by stage (lists, exports). */
export function selectSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('programs')
    .select(COLUMNS)
    .select([
      stageTotal('committed').as('committed'),
      stageTotal('obligated').as('obligated'),
      stageTotal('disbursed').as('disbursed'),
    ]);
}

type SummaryRow = Awaited<
  ReturnType<ReturnType<typeof selectSummaries>['executeTakeFirstOrThrow']>
>;

/** A summary row as answered: ISO times, totals grouped. */
export function summaryOf({
  committed,
  obligated,
  disbursed,
  ...program
}: SummaryRow): ProgramSummary {
  return {
    ...program,
    createdAt: program.createdAt.toISOString(),
    updatedAt: program.updatedAt.toISOString(),
    deletedAt: program.deletedAt?.toISOString() ?? null,
    totals: { committed, obligated, disbursed },
  };
}

/** One program with its funding rows and indicators (deleted or not); `db` may be a transaction. */
export async function findProgram(
  db: Kysely<Database>,
  id: string,
): Promise<ProgramRecord | undefined> {
  const row = await selectSummaries(db).where('programs.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const funding = await db
    .selectFrom('programFunding')
    .select(['fiscalYear', 'account', 'stage', 'amountUsd'])
    .where('programId', '=', id)
    .orderBy('fiscalYear')
    .orderBy('account')
    .orderBy('stage')
    .execute();
  const indicators = await db
    .selectFrom('programIndicators')
    .select(['code', 'name', 'unit', 'baseline', 'target', 'actual'])
    .where('programId', '=', id)
    .orderBy('position')
    .execute();
  const { totals, ...program } = summaryOf(row);
  return { ...program, funding, indicators, totals };
}

/** The table's columns of a program input (child rows are written by replaceChildRows). */
export function programColumns(input: ProgramInput) {
  return {
    code: input.code,
    title: input.title,
    titleEs: input.titleEs,
    summary: input.summary,
    summaryEs: input.summaryEs,
    line: input.line,
    goals: input.goals,
    countries: input.countries,
    agency: input.agency,
    partners: input.partners,
    status: input.status,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    source: input.source ?? null,
    illustrative: input.illustrative ?? false,
  };
}

/** Replaces a program's funding rows and indicators (inside the change's transaction). */
export async function replaceChildRows(
  trx: Kysely<Database>,
  programId: string,
  input: ProgramInput,
): Promise<void> {
  await trx.deleteFrom('programFunding').where('programId', '=', programId).execute();
  await trx.deleteFrom('programIndicators').where('programId', '=', programId).execute();
  if (input.funding.length > 0) {
    await trx
      .insertInto('programFunding')
      .values(input.funding.map((row) => ({ programId, ...row })))
      .execute();
  }
  if (input.indicators.length > 0) {
    await trx
      .insertInto('programIndicators')
      .values(
        input.indicators.map((indicator, position) => ({ programId, position, ...indicator })),
      )
      .execute();
  }
}

export function createProgramRepository(db: Kysely<Database>) {
  return {
    async list(request: ProgramListRequest): Promise<{ items: ProgramSummary[]; total: number }> {
      const counted = await applyFilters(db.selectFrom('programs'), request.filters)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();

      let query = applyFilters(selectSummaries(db), request.filters);
      for (const key of request.sort) {
        query = query.orderBy(`programs.${key.field}`, (ob) =>
          key.descending ? ob.desc().nullsLast() : ob.asc().nullsLast(),
        );
      }
      // The id breaks ties so that pages never overlap.
      const rows = await query
        .orderBy('programs.id')
        .limit(request.limit)
        .offset(request.offset)
        .execute();
      return { items: rows.map(summaryOf), total: counted.total };
    },
  };
}

export type ProgramRepository = ReturnType<typeof createProgramRepository>;

/** The program columns and funding totals, for other readers of programs (OGC items). */
export { COLUMNS as PROGRAM_COLUMNS, stageTotal };
