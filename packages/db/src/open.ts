// Opens the database in either mode, migrates it and (optionally) seeds it.
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { probeCapabilities, type Capabilities } from './capabilities';
import { startEmbedded, type EmbeddedServer } from './connection/embedded';
import { silentLogger, type DbLogger } from './connection/logger';
import { createKysely } from './connection/kysely';
import { createPool } from './connection/pool';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { seedIfEmpty } from './seed';

export interface OpenDatabaseConfig {
  /** PostgreSQL 15+ with PostGIS 3.3+. When absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Embedded mode's data folder (created if missing); in memory when absent. */
  dataDir?: string;
  /** 'if-empty': load boundaries and the sample data into an empty database. */
  seed?: 'if-empty' | false;
  /** Server mode: per-statement time limit (default 30 s). */
  statementTimeoutMs?: number;
  /** Server mode: pool size (default 10). Embedded mode always uses one connection. */
  poolMax?: number;
  logger?: DbLogger;
}

export interface AtlasDatabase {
  db: Kysely<Database>;
  mode: 'embedded' | 'server';
  capabilities: Capabilities;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** For @atlas/db/testing: start embedded from a template archive, skip seeding. */
export interface InternalOpenOptions {
  loadDataDir?: Blob;
  onClose?: () => Promise<void>;
}

export async function openDatabase(
  config: OpenDatabaseConfig,
  internal: InternalOpenOptions = {},
): Promise<AtlasDatabase> {
  const logger = config.logger ?? silentLogger;
  const mode = config.databaseUrl ? 'server' : 'embedded';
  let embedded: EmbeddedServer | undefined;
  let pool: pg.Pool;
  if (config.databaseUrl) {
    pool = createPool({
      connectionString: config.databaseUrl,
      max: config.poolMax ?? 10,
      statementTimeoutMs: config.statementTimeoutMs ?? 30_000,
      logger,
    });
  } else {
    embedded = await startEmbedded({ dataDir: config.dataDir, loadDataDir: internal.loadDataDir });
    pool = createPool({ host: embedded.host, port: embedded.port, max: 1, keepIdle: true, logger });
  }

  const db = createKysely(pool);

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      await db.destroy(); // ends the pool
      await embedded?.stop();
      await internal.onClose?.();
    })();
    return closed;
  };

  try {
    await ensurePostgis(db);
    await migrateToLatest(db);
    const capabilities = await probeCapabilities(db);
    logger.info({ mode, dataDir: config.dataDir, ...capabilities }, 'database ready');
    if (config.seed === 'if-empty') {
      const result = await seedIfEmpty(db);
      logger.info(result, result.seeded ? 'database seeded' : 'seed skipped');
    }
    return {
      db,
      mode,
      capabilities,
      async ping() {
        await sql`SELECT 1`.execute(db);
      },
      close,
    };
  } catch (error) {
    await close().catch((closeError: unknown) => {
      logger.warn({ err: closeError }, 'closing the database after a failed open also failed');
    });
    throw error;
  }
}

async function ensurePostgis(db: Kysely<Database>): Promise<void> {
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS postgis`.execute(db);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostGIS is not available in this database (${why}). Install PostGIS 3.3+ on the server ` +
        `(Debian: postgresql-15-postgis-3) or let a superuser run CREATE EXTENSION postgis.`,
      { cause: error },
    );
  }
}
