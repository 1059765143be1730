// seedIfEmpty: boundaries whenever their tables are empty; the illustrative sample data only
// into a database that has never held data (no programs, corridors, communities, incidents,
// even soft-deleted, and no audit events at all). One transaction; idempotent.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { insertBoundaries } from './boundaries';
import { insertSample } from './sample';
import { loadSeedData } from './source';
import type { SeedData } from './types';

export interface SeedResult {
  /** True when the sample data was loaded by this call. */
  seeded: boolean;
  /** True when the boundaries were loaded by this call. */
  boundariesLoaded: boolean;
  reason: string;
  /** Rows inserted by this call, per table. */
  counts: Record<string, number>;
}

export interface SeedOptions {
  /** The data to load; defaults to @atlas/geodata's boundaries and sample data. */
  load?: () => Promise<SeedData>;
}

async function hasRows(trx: Transaction<Database>, table: keyof Database): Promise<boolean> {
  const row = await trx
    .selectFrom(table)
    .select(sql<number>`1`.as('one'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function tablesWithData(trx: Transaction<Database>): Promise<string[]> {
  const tables = ['programs', 'corridors', 'communities', 'incidents', 'auditEvents'] as const;
  const found: string[] = [];
  for (const table of tables) if (await hasRows(trx, table)) found.push(table);
  return found;
}

export async function seedIfEmpty(
  db: Kysely<Database>,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const result = await db.transaction().execute(async (trx) => {
    // Several API instances may start together; only one seeds, the others then see data.
    await sql`SELECT pg_advisory_xact_lock(hashtext('atlas_seed'))`.execute(trx);
    const needBoundaries = !(await hasRows(trx, 'countries'));
    const occupied = await tablesWithData(trx);
    const needSample = occupied.length === 0;
    if (!needBoundaries && !needSample) {
      return {
        seeded: false,
        boundariesLoaded: false,
        reason: `already has boundaries and data (${occupied.join(', ')})`,
        counts: {},
      };
    }

    const data = await (options.load ?? loadSeedData)();
    const counts: Record<string, number> = needBoundaries
      ? await insertBoundaries(trx, data.boundaries)
      : {};
    if (!needSample) {
      return {
        seeded: false,
        boundariesLoaded: true,
        reason: `boundaries loaded; sample data skipped because the database has data (${occupied.join(', ')})`,
        counts,
      };
    }
    Object.assign(counts, await insertSample(trx, data.sample));
    await trx
      .insertInto('auditEvents')
      .values({
        actorType: 'system',
        actorId: null,
        actorLabel: 'seed',
        action: 'create',
        entityType: null,
        entityId: null,
        version: null,
        before: null,
        after: { seed: 'illustrative sample data', counts, manifest: data.sample.manifest ?? null },
      })
      .execute();
    return {
      seeded: true,
      boundariesLoaded: needBoundaries,
      reason: 'empty database: loaded the illustrative sample data',
      counts,
    };
  });
  // Fresh planner statistics: without them PostgreSQL plans for near-empty tables (a 7× slower
  // coverage analysis at 10× before autovacuum catches up), and PGlite has no autovacuum at all.
  if (result.seeded || result.boundariesLoaded) await sql`ANALYZE`.execute(db);
  return result;
}

export type { SampleData, SeedData } from './types';
