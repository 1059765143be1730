// Programs in SQL (bound parameters only). Funding totals are summed here, never stored.
import type { Database } from '@atlas/db';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { CountryCode, ProgramLine, ProgramStatus } from '@atlas/domain';
import type { SortKey } from '../../lib/query';
import type { ProgramSortField, ProgramSummary } from './schemas';

export interface ProgramFilters {
  country?: CountryCode;
  line?: ProgramLine;
  status?: ProgramStatus;
}

export interface ProgramListRequest {
  filters: ProgramFilters;
  sort: SortKey<ProgramSortField>[];
  limit: number;
  offset: number;
}

type ProgramsQuery<Selected> = SelectQueryBuilder<Database, 'programs', Selected>;

function applyFilters<Selected>(
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
  if (filters.line) filtered = filtered.where('programs.line', '=', filters.line);
  if (filters.status) filtered = filtered.where('programs.status', '=', filters.status);
  return filtered;
}

function stageTotal(stage: 'committed' | 'obligated' | 'disbursed') {
  return sql<number>`(
    SELECT coalesce(sum(f.amount_usd), 0)::bigint FROM program_funding f
    WHERE f.program_id = programs.id AND f.stage = ${stage}
  )`;
}

export function createProgramRepository(db: Kysely<Database>) {
  return {
    async list(request: ProgramListRequest): Promise<{ items: ProgramSummary[]; total: number }> {
      const counted = await applyFilters(db.selectFrom('programs'), request.filters)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();

      let query = applyFilters(db.selectFrom('programs'), request.filters)
        .select([
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
        ])
        .select([
          stageTotal('committed').as('committed'),
          stageTotal('obligated').as('obligated'),
          stageTotal('disbursed').as('disbursed'),
        ]);
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

      const items = rows.map(({ committed, obligated, disbursed, ...program }) => ({
        ...program,
        createdAt: program.createdAt.toISOString(),
        updatedAt: program.updatedAt.toISOString(),
        deletedAt: program.deletedAt?.toISOString() ?? null,
        totals: { committed, obligated, disbursed },
      }));
      return { items, total: counted.total };
    },
  };
}

export type ProgramRepository = ReturnType<typeof createProgramRepository>;
