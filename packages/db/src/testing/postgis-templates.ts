// PostGIS templates: databases atlas_template_<key>_migrated / _seeded built once, from which
// each test database is created with CREATE DATABASE … TEMPLATE (fast, and fresh per call).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { silentLogger } from '../connection/logger';
import { openDatabase } from '../open';
import { seedIfEmpty } from '../seed';
import { errorMessage } from './pglite-templates';

export interface PostgisTemplateNames {
  migrated: string;
  /** The seeded template database, or why it could not be built. */
  seeded: string | { error: string };
}

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` with one admin connection to the URL's own database (the maintenance db). */
export async function withAdminClient<T>(
  baseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach the PostGIS test server at ${redact(baseUrl)}: ${why}`, {
      cause: error,
    });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return result.rowCount === 1;
}

/** Builds `name` (if missing) under a temporary name and renames it when complete. */
async function buildTemplate(
  baseUrl: string,
  client: pg.Client,
  name: string,
  from: string | undefined,
  fill: (url: string) => Promise<void>,
): Promise<void> {
  if (await databaseExists(client, name)) return;
  const building = `atlas_build_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const template = from ? ` TEMPLATE ${quoteIdent(from)}` : '';
  await client.query(`CREATE DATABASE ${quoteIdent(building)}${template}`);
  try {
    await fill(databaseUrlFor(baseUrl, building));
    await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
    // The build time lets later runs drop templates that no current code uses.
    await client.query(
      `COMMENT ON DATABASE ${quoteIdent(name)} IS ${client.escapeLiteral(`built ${new Date().toISOString()}`)}`,
    );
  } catch (error) {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
    throw error;
  }
}

/** Drops other keys' templates built more than a day ago (newer ones may serve a concurrent run). */
async function dropStaleTemplates(client: pg.Client, key: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT d.datname AS name FROM pg_database d
     WHERE d.datname LIKE 'atlas\\_template\\_%' AND d.datname NOT LIKE $1
       AND coalesce(substring(shobj_description(d.oid, 'pg_database') FROM '^built (.*)$')::timestamptz,
                    '-infinity') < now() - interval '1 day'`,
    [`%${key}%`],
  );
  for (const { name } of rows) {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
}

export async function ensurePostgisTemplates(
  baseUrl: string,
  key: string,
): Promise<PostgisTemplateNames> {
  const names = {
    migrated: `atlas_template_${key}_migrated`,
    seeded: `atlas_template_${key}_seeded`,
  };
  let seedError: string | undefined;
  await withAdminClient(baseUrl, async (client) => {
    // Serialize builders across concurrent test runs.
    await client.query(`SELECT pg_advisory_lock(hashtext('atlas_db_test_templates'))`);
    try {
      await dropStaleTemplates(client, key);
      await buildTemplate(baseUrl, client, names.migrated, undefined, async (url) => {
        const adb = await openDatabase({ databaseUrl: url, logger: silentLogger });
        await adb.close();
      });
      await buildTemplate(baseUrl, client, names.seeded, names.migrated, async (url) => {
        const adb = await openDatabase({ databaseUrl: url, logger: silentLogger });
        try {
          const result = await seedIfEmpty(adb.db);
          if (!result.seeded) throw new Error(result.reason);
        } finally {
          await adb.close();
        }
      }).catch((error: unknown) => {
        seedError = `seeding the PostGIS test template failed: ${errorMessage(error)}`;
      });
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('atlas_db_test_templates'))`);
    }
  });
  return seedError ? { migrated: names.migrated, seeded: { error: seedError } } : names;
}
