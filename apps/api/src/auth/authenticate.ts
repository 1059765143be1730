// Who sent a request: an API key (Authorization: Bearer), a session cookie, or nobody.
import type { Database } from '@atlas/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { apiKeyPrincipal, lookupApiKey, type LastUsedRecorder } from './api-keys';
import { AuthenticationError } from './errors';
import { ANONYMOUS, type Principal } from './principal';
import { findSession, SESSION_COOKIE, sessionPrincipal, type ActiveSession } from './sessions';

export interface Authentication {
  principal: Principal;
  /** Set when the principal comes from a session cookie (CSRF applies to its writes). */
  session: ActiveSession | null;
}

export async function authenticate(
  request: FastifyRequest,
  db: Kysely<Database>,
  lastUsed: LastUsedRecorder,
): Promise<Authentication> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    // Credentials that were sent but do not work are an error, never "anonymous".
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1])
      throw new AuthenticationError('the Authorization header must be "Bearer <API key>"');
    const found = await lookupApiKey(db, match[1]);
    if (found.status === 'revoked') throw new AuthenticationError('this API key has been revoked');
    if (found.status !== 'valid') throw new AuthenticationError('unknown API key');
    lastUsed.record(found.apiKey.id);
    return { principal: apiKeyPrincipal(found.apiKey), session: null };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    // An expired session reads like a visitor (public pages keep working); writes then get 401.
    const session = await findSession(db, token);
    if (session) return { principal: sessionPrincipal(session), session };
  }
  return { principal: ANONYMOUS, session: null };
}
