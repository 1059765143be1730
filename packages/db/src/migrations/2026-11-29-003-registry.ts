// Frozen migration: never edit after release; add a new one instead.
// Programs with their funding and indicator rows, and program sites. Code lists are spelled out
// literally here because a migration must not change when the app's code lists do.
import { sql, type Kysely } from 'kysely';

const COUNTRIES = `ARRAY['BZ','GT','SV','HN','NI','CR','PA','MX','US']::text[]`;

async function addEditableTriggers(db: Kysely<any>, table: string): Promise<void> {
  await sql`
    CREATE TRIGGER ${sql.raw(`${table}_touch`)}
    BEFORE UPDATE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION atlas_touch_updated_at()
  `.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE programs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      title_es text NOT NULL DEFAULT '',
      summary text NOT NULL DEFAULT '',
      summary_es text NOT NULL DEFAULT '',
      line text NOT NULL CHECK (line IN ('enforcement', 'capacity', 'prevention')),
      goals smallint[] NOT NULL
        CHECK (cardinality(goals) >= 1 AND goals <@ ARRAY[1, 2, 3, 4, 5]::smallint[]),
      countries text[] NOT NULL
        CHECK (cardinality(countries) >= 1 AND countries <@ ${sql.raw(COUNTRIES)}),
      agency text NOT NULL CHECK (agency IN ('INL', 'USAID', 'DOD', 'DOJ', 'DHS', 'STATE_OTHER')),
      partners text[] NOT NULL DEFAULT '{}',
      status text NOT NULL CHECK (status IN ('planned', 'active', 'completed', 'suspended')),
      start_date date NOT NULL,
      end_date date CHECK (end_date >= start_date),
      source text,
      illustrative boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      search_en tsvector GENERATED ALWAYS AS
        (to_tsvector('english', coalesce(code, '') || ' ' || title || ' ' || summary)) STORED,
      search_es tsvector GENERATED ALWAYS AS
        (to_tsvector('spanish', coalesce(code, '') || ' ' || title_es || ' ' || summary_es)) STORED
    )
  `.execute(db);
  await addEditableTriggers(db, 'programs');
  await sql`CREATE INDEX programs_search_en_gin ON programs USING gin (search_en)`.execute(db);
  await sql`CREATE INDEX programs_search_es_gin ON programs USING gin (search_es)`.execute(db);
  await sql`CREATE INDEX programs_countries_gin ON programs USING gin (countries)`.execute(db);
  await sql`CREATE INDEX programs_goals_gin ON programs USING gin (goals)`.execute(db);
  await sql`CREATE INDEX programs_line_status_idx ON programs (line, status)`.execute(db);
  await sql`CREATE INDEX programs_dates_idx ON programs (start_date, end_date)`.execute(db);

  await sql`
    CREATE TABLE program_funding (
      program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
      fiscal_year smallint NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
      account text NOT NULL CHECK (account IN ('INCLE', 'ESF', 'NADR', 'FMF')),
      stage text NOT NULL CHECK (stage IN ('committed', 'obligated', 'disbursed')),
      amount_usd bigint NOT NULL CHECK (amount_usd >= 0),
      PRIMARY KEY (program_id, fiscal_year, account, stage)
    )
  `.execute(db);
  await sql`CREATE INDEX program_funding_year_idx ON program_funding (fiscal_year, account)`.execute(
    db,
  );

  await sql`
    CREATE TABLE program_indicators (
      program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
      position smallint NOT NULL CHECK (position >= 0),
      code text NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
      name text NOT NULL,
      unit text NOT NULL,
      baseline double precision NOT NULL CHECK (baseline >= 0),
      target double precision NOT NULL CHECK (target >= 0),
      actual double precision CHECK (actual >= 0),
      PRIMARY KEY (program_id, code),
      UNIQUE (program_id, position)
    )
  `.execute(db);

  await sql`
    CREATE TABLE sites (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      precision smallint NOT NULL CHECK (precision BETWEEN 1 AND 9),
      geom geometry(Geometry, 4326) NOT NULL
        CHECK (ST_IsValid(geom))
        CHECK (GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON')),
      country text CHECK (country = ANY (${sql.raw(COUNTRIES)})),
      department text,
      description text,
      illustrative boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )
  `.execute(db);
  await addEditableTriggers(db, 'sites');
  await sql`CREATE INDEX sites_geom_gist ON sites USING gist (geom)`.execute(db);
  await sql`CREATE INDEX sites_program_idx ON sites (program_id)`.execute(db);
  await sql`CREATE INDEX sites_country_department_idx ON sites (country, department)`.execute(db);

  // A site's country and department always come from the boundaries (null outside them).
  await sql`
    CREATE FUNCTION atlas_site_locate() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
      probe geometry := ST_PointOnSurface(NEW.geom);
    BEGIN
      NEW.country := (SELECT c.code FROM countries c
                       WHERE ST_Intersects(c.geom, probe) ORDER BY c.code LIMIT 1);
      NEW.department := (SELECT d.code FROM departments d
                          WHERE ST_Intersects(d.geom, probe) ORDER BY d.code LIMIT 1);
      RETURN NEW;
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER sites_locate
    BEFORE INSERT OR UPDATE OF geom ON sites
    FOR EACH ROW EXECUTE FUNCTION atlas_site_locate()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS sites`.execute(db);
  await sql`DROP FUNCTION IF EXISTS atlas_site_locate()`.execute(db);
  await sql`DROP TABLE IF EXISTS program_indicators`.execute(db);
  await sql`DROP TABLE IF EXISTS program_funding`.execute(db);
  await sql`DROP TABLE IF EXISTS programs`.execute(db);
}
