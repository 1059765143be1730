// Applies one policy entry to an authenticated request (the table is in ./policy.ts).
import type { Authentication } from './authenticate';
import { AccessDeniedError, AuthenticationError } from './errors';
import type { Access } from './policy';
import { csrfTokenMatches, CSRF_HEADER } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function enforceAccess(
  access: Access,
  method: string,
  auth: Authentication,
  csrfHeader: string | string[] | undefined,
): void {
  if (access === 'public') return;
  const { principal, session } = auth;
  if (principal.role === null) throw new AuthenticationError();
  if (access === 'admin' && principal.role !== 'admin') {
    throw new AccessDeniedError('only administrators may do this');
  }
  if (access === 'write' && principal.role === 'analyst') {
    throw new AccessDeniedError('analysts may read but not change records');
  }
  // Browsers send cookies on their own; a write with a session must prove it came from our app.
  if (session && !SAFE_METHODS.has(method)) {
    const sent = Array.isArray(csrfHeader) ? undefined : csrfHeader;
    if (!csrfTokenMatches(session, sent)) {
      throw new AccessDeniedError(
        `missing or wrong ${CSRF_HEADER} header (send the csrfToken from login or /api/v1/auth/me)`,
      );
    }
  }
}
