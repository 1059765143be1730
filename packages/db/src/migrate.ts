// Runs the frozen migrations with Kysely's Migrator.
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import { migrations } from './migrations';

export class MigrationError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    readonly reason: unknown,
  ) {
    const why = reason instanceof Error ? reason.message : String(reason);
    super(
      migrationName ? `migration "${migrationName}" failed: ${why}` : `migrations failed: ${why}`,
      { cause: reason },
    );
    this.name = 'MigrationError';
  }
}

export interface MigrateOptions {
  /** Defaults to the package's own migrations; tests pass extra ones. */
  migrations?: Record<string, Migration>;
}

/** Applies every pending migration; throws a MigrationError naming the one that failed. */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: MigrateOptions = {},
): Promise<MigrationResult[]> {
  const source = options.migrations ?? migrations;
  const migrator = new Migrator({
    // Migrations spell SQL names themselves; no camelCase mapping.
    db: db.withoutPlugins(),
    provider: { getMigrations: () => Promise.resolve(source) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new MigrationError(failed?.migrationName, error);
  }
  return results ?? [];
}
