// Test helpers for packages that need a real database.
//
// 1. In the package's vitest.config.ts, build the templates once per run:
//      export default defineAtlasConfig({
//        test: { globalSetup: ['@atlas/db/testing/global-setup'] },
//      });
// 2. In a test file, run the suite on every engine:
//      import { openTestDatabase, testEngines } from '@atlas/db/testing';
//      describe.each(testEngines())('%s', (engine) => {
//        let adb: AtlasDatabase;
//        beforeAll(async () => { adb = await openTestDatabase(engine, { seed: true }); });
//        afterAll(async () => { await adb.close(); });
//        it('…', async () => { await adb.db.selectFrom('programs')… });
//      });
//
// Engines: 'pglite' always; 'postgis' too when TEST_DATABASE_URL (or DATABASE_URL) is set, e.g.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm --filter <pkg> test
// If that server cannot be reached the suites fail; they are never skipped.
//
// Each openTestDatabase call returns a fresh, private database (migrated; seeded with the
// boundaries and the sample data when seed is true): PGlite in memory loaded from a template
// archive (~2 s), or on PostGIS a new database created from a template database and dropped on
// close(). Share one per file (beforeAll) when the tests do not modify it.
import { randomUUID } from 'node:crypto';
// Declares the `atlasDbTemplates` value that the global setup provides to `inject`.
import type {} from './global-setup';
import { inject } from 'vitest';
import { openDatabase, type AtlasDatabase } from '../open';
import { readTemplate } from './pglite-templates';
import { databaseUrlFor, quoteIdent, withAdminClient } from './postgis-templates';
import { ensureTestTemplates, postgisTestUrl, type TestTemplates } from './templates';

export type TestEngine = 'pglite' | 'postgis';

export function testEngines(): TestEngine[] {
  return postgisTestUrl() ? ['pglite', 'postgis'] : ['pglite'];
}

export interface TestDatabaseOptions {
  /** Load the boundaries and the sample data (default false: migrated and empty). */
  seed?: boolean;
}

let localTemplates: Promise<TestTemplates> | undefined;

function templates(): Promise<TestTemplates> {
  const provided = inject('atlasDbTemplates') as TestTemplates | undefined;
  if (provided) return Promise.resolve(provided);
  localTemplates ??= ensureTestTemplates();
  return localTemplates;
}

export async function openTestDatabase(
  engine: TestEngine,
  options: TestDatabaseOptions = {},
): Promise<AtlasDatabase> {
  const available = await templates();
  const variant = options.seed ? 'seeded' : 'migrated';
  if (engine === 'pglite') {
    return openDatabase({}, { loadDataDir: await readTemplate(available.pglite[variant]) });
  }
  const postgis = available.postgis;
  if (!postgis) {
    throw new Error('postgis engine requested but TEST_DATABASE_URL (or DATABASE_URL) is not set');
  }
  const name = `atlas_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const dropDatabase = () =>
    withAdminClient(postgis.url, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    });
  const template = postgis.names[variant];
  if (typeof template !== 'string') throw new Error(template.error);
  await withAdminClient(postgis.url, async (client) => {
    await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  });
  return openDatabase(
    { databaseUrl: databaseUrlFor(postgis.url, name) },
    { onClose: dropDatabase },
  );
}

export type { AtlasDatabase } from '../open';
