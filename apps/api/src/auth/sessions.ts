// Login sessions of the admin app. The session token lives only in the `atlas_session` cookie;
// the database keeps its SHA-256 hash. The CSRF token is derived from the session token (so the
// app can fetch it again after a reload) and its hash is stored with the session.
import type { CountryCode, Database, UserRole } from '@atlas/db';
import { sql, type Kysely } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from './principal';
import { sameHash, sha256Hex } from './tokens';

export const SESSION_COOKIE = 'atlas_session';
export const CSRF_HEADER = 'x-csrf-token';
/** A session unused for this long ends, whatever its expiry. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;
/** last_seen_at is refreshed at most this often (it only has to beat the idle timeout). */
const TOUCH_INTERVAL_MS = 60_000;

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

export interface CreatedSession {
  /** The cookie value (never stored). */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  ttlSeconds: number,
): Promise<CreatedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = csrfTokenFor(token);
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await db
    .insertInto('sessions')
    .values({ idHash: sha256Hex(token), userId, csrfTokenHash: sha256Hex(csrfToken), expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', sha256Hex(token)).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export interface ActiveSession {
  idHash: string;
  csrfTokenHash: string;
  user: { id: string; email: string; role: UserRole; countries: CountryCode[] | null };
}

/** The live session a cookie names (not expired, not idle, user enabled), or null. */
export async function findSession(
  db: Kysely<Database>,
  token: string,
): Promise<ActiveSession | null> {
  const idHash = sha256Hex(token);
  const idleSince = new Date(Date.now() - SESSION_IDLE_TIMEOUT_MS);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.idHash',
      'sessions.csrfTokenHash',
      'sessions.lastSeenAt',
      'users.id',
      'users.email',
      'users.role',
      'users.countries',
    ])
    .where('sessions.idHash', '=', idHash)
    .where('sessions.expiresAt', '>', sql<Date>`now()`)
    .where('sessions.lastSeenAt', '>', idleSince)
    .where('users.disabledAt', 'is', null)
    .executeTakeFirst();
  if (!row || !sameHash(row.idHash, idHash)) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date() })
      .where('idHash', '=', idHash)
      .execute();
  }
  return {
    idHash: row.idHash,
    csrfTokenHash: row.csrfTokenHash,
    user: { id: row.id, email: row.email, role: row.role, countries: row.countries },
  };
}

export function csrfTokenMatches(session: ActiveSession, sent: string | undefined): boolean {
  return (
    typeof sent === 'string' && sent.length > 0 && sameHash(session.csrfTokenHash, sha256Hex(sent))
  );
}

export function sessionPrincipal(session: ActiveSession): Principal {
  const { user } = session;
  return {
    kind: 'user',
    id: user.id,
    label: user.email,
    role: user.role,
    countries: user.countries,
  };
}

/** Removes sessions past their expiry (called now and then; expired ones never authenticate). */
export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('expiresAt', '<=', sql<Date>`now()`)
    .execute();
}
