// Frozen migration: never edit after release; add a new one instead.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS postgis`.execute(db);

  // Shared trigger function: every editable table keeps updated_at current.
  await sql`
    CREATE OR REPLACE FUNCTION atlas_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      NEW.updated_at := now();
      RETURN NEW;
    END $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS atlas_touch_updated_at()`.execute(db);
}
