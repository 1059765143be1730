// Signed-in principals for HTTP tests: a fresh user (with a session) or API key per call.
import type { AtlasDatabase, CountryCode, UserRole } from '@atlas/db';
import { randomUUID } from 'node:crypto';
import type { AtlasApp } from '../../src/app';
import { createApiKey } from '../../src/auth/api-keys';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../../src/auth/sessions';

export interface PrincipalOptions {
  role: UserRole;
  /** The country scope (default: no limit). */
  countries?: CountryCode[] | null;
  /** 'key' (default): Authorization: Bearer; 'session': the cookie and the CSRF header. */
  via?: 'key' | 'session';
}

export interface TestPrincipal {
  /** Pass to app.inject({ headers }). */
  headers: Record<string, string>;
  /** The user's or key's id (the audit `actorId`). */
  id: string;
  kind: 'user' | 'api_key';
  label: string;
  /** Sessions only. */
  cookie?: string;
  csrfToken?: string;
  /** API keys only. */
  key?: string;
}

/** Creates a user with a session, or an API key, and returns how to send its credentials. */
export async function createPrincipal(
  app: AtlasApp,
  adb: AtlasDatabase,
  options: PrincipalOptions,
): Promise<TestPrincipal> {
  const countries = options.countries ?? null;
  const unique = randomUUID().slice(0, 8);
  if (options.via === 'session') {
    const email = `${options.role}-${unique}@test.example.org`;
    const user = await adb.db
      .insertInto('users')
      .values({ email, name: `Test ${options.role}`, role: options.role, countries })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await createSession(adb.db, user.id, app.config.sessionTtlSeconds);
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    return {
      headers: { cookie, [CSRF_HEADER]: session.csrfToken },
      id: user.id,
      kind: 'user',
      label: email,
      cookie,
      csrfToken: session.csrfToken,
    };
  }
  const name = `test ${options.role} ${unique}`;
  const { apiKey, key } = await createApiKey(adb.db, {
    name,
    role: options.role, // tests may also make admin keys (the API never does)
    countries,
    createdBy: null,
  });
  return {
    headers: { authorization: `Bearer ${key}` },
    id: apiKey.id,
    kind: 'api_key',
    label: `key ${name}`,
    key,
  };
}

/** The headers of a freshly created principal (see createPrincipal for its id and secrets). */
export async function createPrincipalHeaders(
  app: AtlasApp,
  adb: AtlasDatabase,
  options: PrincipalOptions,
): Promise<Record<string, string>> {
  return (await createPrincipal(app, adb, options)).headers;
}
