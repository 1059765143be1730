// Frozen migration: never edit after release; add a new one instead.
// The map's context layers: trafficking corridors, communities at risk, incidents.
import { sql, type Kysely } from 'kysely';

const COUNTRIES = `ARRAY['BZ','GT','SV','HN','NI','CR','PA','MX','US']::text[]`;
const THREATS = `ARRAY['narcotics','firearms','bulk_cash','gangs','extortion','corruption',
  'human_smuggling','money_laundering']::text[]`;

const EDITABLE_COLUMNS = `
  illustrative boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz`;

async function addTouchTrigger(db: Kysely<any>, table: string): Promise<void> {
  await sql`
    CREATE TRIGGER ${sql.raw(`${table}_touch`)}
    BEFORE UPDATE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION atlas_touch_updated_at()
  `.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE corridors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      mode text NOT NULL CHECK (mode IN ('land', 'maritime', 'air', 'riverine')),
      threats text[] NOT NULL
        CHECK (cardinality(threats) >= 1 AND threats <@ ${sql.raw(THREATS)}),
      confidence text NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
      source text NOT NULL,
      valid_from date NOT NULL,
      valid_to date CHECK (valid_to >= valid_from),
      geom geometry(Geometry, 4326) NOT NULL
        CHECK (ST_IsValid(geom))
        CHECK (GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING')),
      description text,
      ${sql.raw(EDITABLE_COLUMNS)}
    )
  `.execute(db);
  await addTouchTrigger(db, 'corridors');
  await sql`CREATE INDEX corridors_geom_gist ON corridors USING gist (geom)`.execute(db);
  await sql`CREATE INDEX corridors_threats_gin ON corridors USING gin (threats)`.execute(db);
  await sql`CREATE INDEX corridors_mode_idx ON corridors (mode)`.execute(db);

  await sql`
    CREATE TABLE communities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      country text NOT NULL CHECK (country = ANY (${sql.raw(COUNTRIES)})),
      department text,
      geom geometry(Geometry, 4326) NOT NULL
        CHECK (ST_IsValid(geom))
        CHECK (GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON')),
      population integer NOT NULL CHECK (population >= 0),
      homicide_rate double precision NOT NULL CHECK (homicide_rate >= 0),
      year smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      source text NOT NULL,
      ${sql.raw(EDITABLE_COLUMNS)}
    )
  `.execute(db);
  await addTouchTrigger(db, 'communities');
  await sql`CREATE INDEX communities_geom_gist ON communities USING gist (geom)`.execute(db);
  await sql`CREATE INDEX communities_country_idx ON communities (country, department)`.execute(db);

  await sql`
    CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('seizure', 'homicide', 'extortion', 'arrest',
        'clandestine_airstrip', 'trafficking_event')),
      occurred_on date NOT NULL,
      geom geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom)),
      country text NOT NULL CHECK (country = ANY (${sql.raw(COUNTRIES)})),
      department text,
      threat text CHECK (threat = ANY (${sql.raw(THREATS)})),
      quantity double precision CHECK (quantity >= 0),
      unit text,
      description text,
      source text NOT NULL,
      ${sql.raw(EDITABLE_COLUMNS)}
    )
  `.execute(db);
  await addTouchTrigger(db, 'incidents');
  await sql`CREATE INDEX incidents_geom_gist ON incidents USING gist (geom)`.execute(db);
  await sql`CREATE INDEX incidents_occurred_on_idx ON incidents (occurred_on)`.execute(db);
  await sql`CREATE INDEX incidents_kind_idx ON incidents (kind, occurred_on)`.execute(db);
  await sql`CREATE INDEX incidents_country_idx ON incidents (country, occurred_on)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS incidents`.execute(db);
  await sql`DROP TABLE IF EXISTS communities`.execute(db);
  await sql`DROP TABLE IF EXISTS corridors`.execute(db);
}
