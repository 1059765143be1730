// Frozen migration: never edit after release; add a new one instead.
// The audit trail is append-only: triggers reject UPDATE, DELETE and TRUNCATE.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
      actor_id text,
      actor_label text NOT NULL,
      action text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
      entity_type text CHECK (entity_type IN ('program', 'site', 'corridor', 'community',
        'incident', 'user', 'api_key')),
      entity_id text,
      version integer,
      before jsonb,
      after jsonb,
      CHECK (actor_type = 'system' OR actor_id IS NOT NULL),
      CHECK (actor_type = 'system' OR (entity_type IS NOT NULL AND entity_id IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at)`.execute(
    db,
  );
  await sql`CREATE INDEX audit_events_at_idx ON audit_events (at)`.execute(db);

  await sql`
    CREATE FUNCTION atlas_reject_audit_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only (% rejected)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION atlas_reject_audit_change()
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION atlas_reject_audit_change()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS audit_events`.execute(db);
  await sql`DROP FUNCTION IF EXISTS atlas_reject_audit_change()`.execute(db);
}
