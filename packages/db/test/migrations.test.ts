import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/migrations';
import { openTestDatabase, testEngines, type AtlasDatabase } from '../src/testing';

const TABLES = [
  'api_keys',
  'audit_events',
  'communities',
  'corridors',
  'countries',
  'data_versions',
  'departments',
  'incidents',
  'program_funding',
  'program_indicators',
  'programs',
  'sessions',
  'sites',
  'users',
];

describe.each(testEngines())('%s: migrations', (engine) => {
  let adb: AtlasDatabase;
  beforeAll(async () => {
    adb = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await adb.close();
  });

  it('creates every table', async () => {
    const { rows } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    `.execute(adb.db);
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(TABLES));
  });

  it('indexes every geometry column with GiST', async () => {
    const { rows } = await sql<{ table: string; index: string }>`
      SELECT tablename AS table, indexname AS index FROM pg_indexes
      WHERE schemaname = 'public' AND indexdef ILIKE '%USING gist (geom)%'
    `.execute(adb.db);
    expect(rows.map((row) => row.table).sort()).toEqual([
      'communities',
      'corridors',
      'countries',
      'departments',
      'incidents',
      'sites',
    ]);
  });

  it('stores geometries in EPSG:4326', async () => {
    const { rows } = await sql<{ table: string; srid: number }>`
      SELECT f_table_name AS table, srid FROM geometry_columns WHERE f_table_schema = 'public'
    `.execute(adb.db);
    expect(rows.length).toBe(6);
    expect(new Set(rows.map((row) => row.srid))).toEqual(new Set([4326]));
  });

  it('has full-text indexes in English and Spanish', async () => {
    const { rows } = await sql<{ index: string }>`
      SELECT indexname AS index FROM pg_indexes
      WHERE tablename = 'programs' AND indexdef ILIKE '%USING gin (search_%'
    `.execute(adb.db);
    expect(rows.map((row) => row.index).sort()).toEqual([
      'programs_search_en_gin',
      'programs_search_es_gin',
    ]);
  });

  it('records every migration as applied', async () => {
    const { rows } = await sql<{
      name: string;
    }>`SELECT name FROM kysely_migration ORDER BY name`.execute(adb.db);
    const names = rows.map((row) => row.name);
    expect(names).toEqual(Object.keys(migrations).sort());
    expect(names.slice(0, 7)).toEqual([
      '2026-11-29-001-extensions',
      '2026-11-29-002-reference',
      '2026-11-29-003-registry',
      '2026-11-29-004-context',
      '2026-11-29-005-auth',
      '2026-11-29-006-audit',
      '2026-11-29-007-data-versions',
    ]);
  });

  it('reports its capabilities', () => {
    expect(adb.capabilities.postgisVersion).toMatch(/^3\./);
    expect(Number.parseInt(adb.capabilities.postgresVersion, 10)).toBeGreaterThanOrEqual(15);
    // PGlite's PostGIS is built without protobuf: no ST_AsMVT.
    expect(adb.capabilities.mvt).toBe(engine === 'postgis');
  });

  it('limits statement time on server connections', async () => {
    const { rows } = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(
      adb.db.withoutPlugins(),
    );
    expect(rows[0]?.statement_timeout).toBe(engine === 'postgis' ? '30s' : '0');
  });
});
