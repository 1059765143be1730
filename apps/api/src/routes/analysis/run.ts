// Every analysis runs in one read-only REPEATABLE READ transaction (its data version and its
// figures come from the same snapshot) bounded by a statement timeout. PGlite ignores
// statement_timeout, so a deadline in Node bounds the wait there too; both answer 503.
import type { Database } from '@atlas/db';
import { sql, type Kysely, type Transaction } from 'kysely';
import { TimeoutError, withTimeout } from '../../lib/database-errors';

/** Limits of the analysis routes (tests lower the timeout to provoke a 503). */
export const analysisLimits = {
  /** Per statement on PostgreSQL, and for the whole transaction in Node. */
  statementTimeoutMs: 15_000,
};

/** Mapped to 503 by the app's error handler, like PostgreSQL's own statement timeout. */
export class AnalysisTimeoutError extends Error {
  readonly code = '57014';
  constructor() {
    super('the analysis did not finish in time');
    this.name = 'AnalysisTimeoutError';
  }
}

export type AnalysisDb = Transaction<Database>;

export async function inAnalysisTransaction<T>(
  db: Kysely<Database>,
  work: (trx: AnalysisDb) => Promise<T>,
): Promise<T> {
  const ms = analysisLimits.statementTimeoutMs;
  const transaction = db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`SELECT set_config('statement_timeout', ${String(ms)}, true)`.execute(trx);
      return work(trx);
    });
  try {
    return await withTimeout(transaction, ms, 'the analysis');
  } catch (error) {
    if (error instanceof TimeoutError) throw new AnalysisTimeoutError();
    throw error;
  }
}
