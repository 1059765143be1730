// Sessions: login, logout, me, cookie flags, rotation, expiry, CSRF, Argon2id hashes.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { createUser } from '../src/auth/users';
import { buildTestApp } from './helpers';

const PASSWORD = 'correct horse battery staple';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat().find((value) => value.startsWith('atlas_session='));
  if (!header) throw new Error('no atlas_session cookie was set');
  return header;
}

describe.each(testEngines())('sessions on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let email: string;

  const login = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body as object, headers });

  async function signIn() {
    const response = await login({ email, password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response.headers['set-cookie']).split(';')[0]!;
    const { csrfToken } = response.json<{ csrfToken: string }>();
    return { cookie, csrfToken, response };
  }

  beforeAll(async () => {
    adb = await openTestDatabase(engine);
    app = await buildTestApp(adb, { insecureCookies: false });
    email = 'coord@example.org';
    await createUser(
      adb.db,
      { email, name: 'Coordinator', role: 'coordinator', countries: ['GT'], password: PASSWORD },
      null,
    );
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('stores the password as an Argon2id hash with the OWASP parameters', async () => {
    const row = await adb.db
      .selectFrom('users')
      .select('passwordHash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it('signs in with a Secure, HttpOnly, SameSite=Strict cookie whose id is stored hashed', async () => {
    const { cookie, csrfToken, response } = await signIn();
    const header = sessionCookie(response.headers['set-cookie']);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\//);
    const body = response.json<{ user: Record<string, unknown> }>();
    expect(body.user).toMatchObject({ email, role: 'coordinator', countries: ['GT'] });
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
    expect(csrfToken.length).toBeGreaterThan(20);

    const token = cookie.slice('atlas_session='.length);
    const sessions = await adb.db.selectFrom('sessions').selectAll().execute();
    expect(sessions.some((session) => session.idHash === token)).toBe(false);
    expect(sessions.every((session) => /^[0-9a-f]{64}$/.test(session.idHash))).toBe(true);

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      principal: { kind: 'user', label: email, role: 'coordinator', countries: ['GT'] },
      user: { email },
      csrfToken,
    });
  });

  it('omits Secure only when insecure cookies are configured', async () => {
    const local = await buildTestApp(adb, { insecureCookies: true });
    const response = await local.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(sessionCookie(response.headers['set-cookie'])).not.toMatch(/Secure/);
    await local.close();
  });

  it('rotates the session at login: the old cookie stops working', async () => {
    const first = await signIn();
    const second = await login({ email, password: PASSWORD }, { cookie: first.cookie });
    const rotated = sessionCookie(second.headers['set-cookie']).split(';')[0]!;
    expect(rotated).not.toBe(first.cookie);
    const old = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: first.cookie },
    });
    expect(old.statusCode).toBe(401);
    const current = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: rotated },
    });
    expect(current.statusCode).toBe(200);
  });

  it('refuses wrong passwords, unknown e-mails and disabled users alike', async () => {
    const wrong = await login({ email, password: 'not the password at all' });
    const unknown = await login({ email: 'nobody@example.org', password: PASSWORD });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ message: string }>().message).toBe(
      unknown.json<{ message: string }>().message,
    );
    expect(wrong.headers['set-cookie']).toBeUndefined();

    await createUser(
      adb.db,
      { email: 'gone@example.org', name: 'Gone', role: 'analyst', password: PASSWORD },
      null,
    );
    await adb.db
      .updateTable('users')
      .set({ disabledAt: new Date() })
      .where('email', '=', 'gone@example.org')
      .execute();
    expect((await login({ email: 'gone@example.org', password: PASSWORD })).statusCode).toBe(401);
  });

  it('ends expired sessions', async () => {
    const { cookie } = await signIn();
    const token = cookie.slice('atlas_session='.length);
    const { sha256Hex } = await import('../src/auth/tokens');
    await adb.db
      .updateTable('sessions')
      .set({ createdAt: new Date(Date.now() - 7200_000), expiresAt: new Date(Date.now() - 1000) })
      .where('idHash', '=', sha256Hex(token))
      .execute();
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('requires the CSRF token for cookie-authenticated writes, not for API keys', async () => {
    const { cookie, csrfToken } = await signIn();
    const write = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers,
      });
    const without = await write({ cookie });
    expect(without.statusCode).toBe(403);
    expect(without.json<{ message: string }>().message).toMatch(/x-csrf-token/);
    expect((await write({ cookie, 'x-csrf-token': 'forged-token-value' })).statusCode).toBe(403);
    // Reads need no token.
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const out = await write({ cookie, 'x-csrf-token': csrfToken });
    expect(out.statusCode).toBe(204);
    expect(sessionCookie(out.headers['set-cookie'])).toMatch(/atlas_session=;/);
    // Logged out: the cookie no longer signs in.
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('answers 401 to /me without credentials', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(401);
  });
});
