import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, MigrationError, openDatabase } from '../src';
import { migrations } from '../src/migrations';
import { openTestDatabase, testEngines } from '../src/testing';

const run = promisify(execFile);

describe.each(testEngines())('%s: migrations that fail', (engine) => {
  it('name the failing migration and leave nothing half-applied', async () => {
    const adb = await openTestDatabase(engine);
    try {
      const broken = {
        ...migrations,
        '2099-01-01-001-creates-a-table': {
          up: async (db: Parameters<typeof migrateToLatest>[0]) => {
            await sql`CREATE TABLE half_done (id int)`.execute(db);
          },
        },
        '2099-01-01-002-broken': {
          up: async (db: Parameters<typeof migrateToLatest>[0]) => {
            await sql`ALTER TABLE no_such_table ADD COLUMN x int`.execute(db);
          },
        },
      };
      const error: unknown = await migrateToLatest(adb.db, { migrations: broken }).catch(
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).migrationName).toBe('2099-01-01-002-broken');
      expect((error as Error).message).toMatch(/2099-01-01-002-broken.*no_such_table/);
      const { rows } = await sql`SELECT to_regclass('half_done') AS t`.execute(adb.db);
      expect(rows).toEqual([{ t: null }]);
      // The database still works after the failure.
      await adb.ping();
    } finally {
      await adb.close();
    }
  });
});

describe('embedded openDatabase', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('creates the data folder, and a reopened folder keeps its data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-db-open-'));
    dirs.push(dir);
    const dataDir = join(dir, 'nested', 'data');

    const first = await openDatabase({ dataDir });
    expect(first.mode).toBe('embedded');
    await first.db
      .insertInto('users')
      .values({ email: 'kept@example.org', name: 'Kept', role: 'admin', countries: null })
      .execute();
    await first.close();
    await first.close(); // idempotent

    const second = await openDatabase({ dataDir });
    try {
      const users = await second.db.selectFrom('users').select('email').execute();
      expect(users).toEqual([{ email: 'kept@example.org' }]);
      await second.ping();
    } finally {
      await second.close();
    }
    await expect(second.ping()).rejects.toThrow();
    // A new data folder means initdb + CREATE EXTENSION postgis: slow on a busy machine.
  }, 180_000);
});

describe('openDatabase in server mode', () => {
  it.each(testEngines().filter((engine) => engine === 'postgis'))(
    '%s: connects with JIT off',
    async (engine) => {
      const adb = await openTestDatabase(engine);
      try {
        const { rows } = await sql<{ jit: string }>`SHOW jit`.execute(adb.db);
        expect(rows).toEqual([{ jit: 'off' }]);
      } finally {
        await adb.close();
      }
    },
  );

  it('fails with a clear error when the server cannot be reached', async () => {
    await expect(
      openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/postgres' }),
    ).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});

describe('the migrate command', () => {
  it('exits non-zero with the reason when it cannot migrate', async () => {
    const failure: unknown = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/migrate.ts'],
      { env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres' } },
    ).catch((reason: unknown) => reason);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/migration failed: .*ECONNREFUSED/);
  });
});
