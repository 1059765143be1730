// Frozen migration: never edit after release; add a new one instead.
// People, API keys and login sessions. Secrets are stored only as hashes.
import { sql, type Kysely } from 'kysely';

const COUNTRIES = `ARRAY['BZ','GT','SV','HN','NI','CR','PA','MX','US']::text[]`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' in email) > 1),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'analyst')),
      countries text[] CHECK (countries <@ ${sql.raw(COUNTRIES)}),
      password_hash text,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER users_touch BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION atlas_touch_updated_at()
  `.execute(db);

  await sql`
    CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      key_hash text NOT NULL UNIQUE,
      prefix text NOT NULL CHECK (length(prefix) BETWEEN 4 AND 32),
      role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'analyst', 'service')),
      countries text[] CHECK (countries <@ ${sql.raw(COUNTRIES)}),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      last_used_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX api_keys_prefix_idx ON api_keys (prefix)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
    )
  `.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);
  await sql`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS sessions`.execute(db);
  await sql`DROP TABLE IF EXISTS api_keys`.execute(db);
  await sql`DROP TABLE IF EXISTS users`.execute(db);
}
