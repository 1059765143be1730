// Security headers on every answer (errors too), the CORS allowlist, the login rate limit (in
// memory and in Redis), and secrets kept out of logs.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import type { AppConfig } from '../src/config';
import { createUser } from '../src/auth/users';
import { buildLoggedApp, buildTestApp } from './helpers';
import { createPrincipal } from './support/auth';

const PASSWORD = 'security test password';
const REDIS_URL = 'redis://127.0.0.1:6379';

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  expect(headers['content-security-policy'], what).toMatch(/default-src 'self'/);
  expect(headers['content-security-policy'], what).toMatch(/worker-src 'self' blob:/);
  expect(headers['content-security-policy'], what).toMatch(/img-src 'self' data: blob:/);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('SAMEORIGIN');
  expect(headers['strict-transport-security'], what).toMatch(/max-age=/);
  expect(headers['referrer-policy'], what).toBe('no-referrer');
}

describe.each(testEngines())('security on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    adb = await openTestDatabase(engine);
    app = await buildTestApp(adb, { corsOrigins: ['https://allowed.example.org'] });
    await createUser(
      adb.db,
      { email: 'user@example.org', name: 'User', role: 'analyst', password: PASSWORD },
      null,
    );
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('sends the security headers on 200, 400, 401, 404 and 500 answers', async () => {
    const ok = await app.inject({ method: 'GET', url: '/health/live' });
    expect(ok.statusCode).toBe(200);
    expectSecurityHeaders(ok.headers, '200');
    const bad = await app.inject({ method: 'GET', url: '/api/v1/programs?limit=nope' });
    expect(bad.statusCode).toBe(400);
    expectSecurityHeaders(bad.headers, '400');
    const unauthorized = await app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(unauthorized.statusCode).toBe(401);
    expectSecurityHeaders(unauthorized.headers, '401');
    const missing = await app.inject({ method: 'GET', url: '/no/such/page' });
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing.headers, '404');

    // A broken database table makes the session lookup fail: a 500 without details.
    const broken = await openTestDatabase(engine);
    const brokenApp = await buildTestApp(broken);
    const principal = await createPrincipal(brokenApp, broken, { role: 'analyst', via: 'session' });
    await sql`ALTER TABLE sessions RENAME TO sessions_gone`.execute(broken.db);
    const failed = await brokenApp.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: principal.headers,
    });
    expect(failed.statusCode).toBe(500);
    expectSecurityHeaders(failed.headers, '500');
    expect(failed.body).not.toMatch(/sessions_gone|select|stack|at .*\.ts/i);
    await brokenApp.close();
    await broken.close();
  });

  it('allows cross-origin calls only from configured origins', async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/v1/programs',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    const allowed = await preflight('https://allowed.example.org');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://allowed.example.org');
    const denied = await preflight('https://evil.example.org');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await app.inject({
      method: 'GET',
      url: '/api/v1/programs',
      headers: { origin: 'https://evil.example.org' },
    });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps passwords, keys, session ids and CSRF tokens out of the logs and answers', async () => {
    const { app: logged, lines } = await buildLoggedApp(adb);
    await logged.ready();

    const login = await logged.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'user@example.org', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const key = await createPrincipal(logged, adb, { role: 'coordinator' });
    await logged.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    await logged.inject({ method: 'GET', url: '/api/v1/auth/me', headers: key.headers });
    await logged.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    await logged.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'user@example.org', password: `${PASSWORD} wrong` },
    });
    await logged.close();

    const output = lines.join('');
    expect(output).toContain('incoming request'); // the capture works
    for (const secret of [PASSWORD, cookie.split('=')[1]!, csrfToken, key.key!]) {
      expect(output).not.toContain(secret);
    }
    expect(login.body).not.toContain(PASSWORD);
  });
});

describe.each(
  testEngines().flatMap((engine) => [
    [engine, 'memory', undefined] as const,
    [engine, 'redis', REDIS_URL] as const,
  ]),
)('login rate limit on %s (%s store)', (engine, _store, redisUrl) => {
  let adb: AtlasDatabase;
  const apps: AtlasApp[] = [];

  const config = (limits: Partial<AppConfig['loginRateLimit']>): Partial<AppConfig> => ({
    loginRateLimit: { perIp: 100, perEmail: 100, windowMs: 60_000, ...limits },
    ...(redisUrl ? { redisUrl } : {}),
  });
  const start = async (limits: Partial<AppConfig['loginRateLimit']>) => {
    const app = await buildTestApp(adb, config(limits));
    apps.push(app);
    return app;
  };
  // Redis keeps counts across runs: every run uses its own addresses and e-mails.
  const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const email = () => `${randomBytes(6).toString('hex')}@example.org`;
  const attempt = (app: AtlasApp, remoteAddress: string, who: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { email: who, password: 'wrong password, surely' },
    });

  beforeAll(async () => {
    adb = await openTestDatabase(engine);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await adb.close();
  });

  it('answers 429 with Retry-After past the per-e-mail limit', async () => {
    const app = await start({ perEmail: 3 });
    const who = email();
    for (let index = 0; index < 3; index += 1) {
      expect((await attempt(app, address(), who)).statusCode).toBe(401);
    }
    const limited = await attempt(app, address(), who);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expectSecurityHeaders(limited.headers, '429');
    // Another e-mail from the same place is still let through.
    expect((await attempt(app, address(), email())).statusCode).toBe(401);
  });

  it('answers 429 past the per-address limit', async () => {
    const app = await start({ perIp: 2 });
    const from = address();
    expect((await attempt(app, from, email())).statusCode).toBe(401);
    expect((await attempt(app, from, email())).statusCode).toBe(401);
    const limited = await attempt(app, from, email());
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('login rate limit shared in Redis', () => {
  it('counts across instances that share Redis', async () => {
    const adb = await openTestDatabase('pglite');
    const limits = { perIp: 100, perEmail: 2, windowMs: 60_000 };
    const first = await buildTestApp(adb, { loginRateLimit: limits, redisUrl: REDIS_URL });
    const second = await buildTestApp(adb, { loginRateLimit: limits, redisUrl: REDIS_URL });
    const who = `${randomBytes(6).toString('hex')}@example.org`;
    const attempt = (app: AtlasApp) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: who, password: 'wrong password, surely' },
      });
    expect((await attempt(first)).statusCode).toBe(401);
    expect((await attempt(second)).statusCode).toBe(401);
    expect((await attempt(first)).statusCode).toBe(429);
    expect((await attempt(second)).statusCode).toBe(429);
    await first.close();
    await second.close();
    await adb.close();
  });
});
