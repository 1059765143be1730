// Frozen migration: never edit after release; add a new one instead.
// One version counter per map layer, bumped by a statement trigger on every write to the layer's
// tables, so tiles, OGC items and analyses can build ETags without scanning the data. The epoch
// is random per database, so a rebuilt database never repeats an earlier database's ETags.
import { sql, type Kysely } from 'kysely';

/** Which layer each table belongs to (a program's funding and indicators are part of it). */
const LAYER_OF_TABLE = {
  programs: 'programs',
  program_funding: 'programs',
  program_indicators: 'programs',
  sites: 'sites',
  corridors: 'corridors',
  communities: 'communities',
  incidents: 'incidents',
  countries: 'boundaries',
  departments: 'boundaries',
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE data_versions (
      layer text PRIMARY KEY,
      epoch uuid NOT NULL,
      version bigint NOT NULL DEFAULT 0,
      changed_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`
    INSERT INTO data_versions (layer, epoch)
    SELECT layer, epoch
    FROM unnest(ARRAY['programs', 'sites', 'corridors', 'communities', 'incidents', 'boundaries'])
      AS layer,
      (SELECT gen_random_uuid() AS epoch) AS e
  `.execute(db);
  await sql`
    CREATE FUNCTION atlas_bump_data_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE data_versions SET version = version + 1, changed_at = now()
      WHERE layer = TG_ARGV[0];
      RETURN NULL;
    END $$
  `.execute(db);
  for (const [table, layer] of Object.entries(LAYER_OF_TABLE)) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_data_version`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_bump_data_version(${sql.lit(layer)})
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(LAYER_OF_TABLE)) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_data_version`)} ON ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`DROP FUNCTION IF EXISTS atlas_bump_data_version()`.execute(db);
  await sql`DROP TABLE IF EXISTS data_versions`.execute(db);
}
