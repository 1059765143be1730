// Frozen migration: never edit after release; add a new one instead.
// Imports (docs/import-export.md): the external id of every imported record (so re-importing a
// file updates instead of duplicating), the column mapping remembered per source, and one row per
// committed import batch (who, when, how many).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE import_batches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
      collection text NOT NULL,
      format text NOT NULL,
      actor_type text NOT NULL,
      actor_id uuid,
      actor_label text NOT NULL,
      rows integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      committed_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`
    CREATE TABLE import_external_ids (
      source text NOT NULL,
      entity_type text NOT NULL,
      external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
      entity_id uuid NOT NULL,
      batch_id uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, entity_type, external_id)
    )
  `.execute(db);
  await sql`CREATE INDEX import_external_ids_entity ON import_external_ids (entity_type, entity_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE import_sources (
      source text NOT NULL,
      collection text NOT NULL,
      mapping jsonb NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, collection)
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS import_sources`.execute(db);
  await sql`DROP TABLE IF EXISTS import_external_ids`.execute(db);
  await sql`DROP TABLE IF EXISTS import_batches`.execute(db);
}
