// Frozen migration: never edit after release; add a new one instead.
// Boundaries (countries, departments) are read-only reference data: a trigger rejects every
// write unless the session (or transaction) sets atlas.allow_boundary_write = 'on', which only
// the seed does.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE countries (
      code text PRIMARY KEY CHECK (code IN ('BZ', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA', 'MX', 'US')),
      name text NOT NULL,
      name_es text NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
    )
  `.execute(db);
  await sql`CREATE INDEX countries_geom_gist ON countries USING gist (geom)`.execute(db);

  await sql`
    CREATE TABLE departments (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}-[A-Z0-9]+$'),
      country text NOT NULL REFERENCES countries (code),
      name text NOT NULL,
      name_es text NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
      CHECK (left(code, 2) = country)
    )
  `.execute(db);
  await sql`CREATE INDEX departments_geom_gist ON departments USING gist (geom)`.execute(db);
  await sql`CREATE INDEX departments_country_idx ON departments (country)`.execute(db);

  await sql`
    CREATE FUNCTION atlas_guard_boundary_write() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(current_setting('atlas.allow_boundary_write', true), '') <> 'on' THEN
        RAISE EXCEPTION 'boundaries are read-only (table %)', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'DELETE' THEN
        RETURN OLD;
      END IF;
      RETURN NEW;
    END $$
  `.execute(db);
  for (const table of ['countries', 'departments']) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_read_only`)}
      BEFORE INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION atlas_guard_boundary_write()
    `.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_no_truncate`)}
      BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION atlas_guard_boundary_write()
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS departments`.execute(db);
  await sql`DROP TABLE IF EXISTS countries`.execute(db);
  await sql`DROP FUNCTION IF EXISTS atlas_guard_boundary_write()`.execute(db);
}
