// Users managed by administrators: create, list, read, change role/scope, disable, reset the
// password; audited without password hashes; demo users in embedded mode only.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipal, type TestPrincipal } from './support/auth';

const PASSWORD = 'a long enough password';

describe.each(testEngines())('users on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let admin: TestPrincipal;

  beforeAll(async () => {
    adb = await openTestDatabase(engine);
    app = await buildTestApp(adb);
    admin = await createPrincipal(app, adb, { role: 'admin', via: 'session' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('creates a user who can then sign in; the answer and the audit hold no hash', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'new.coordinator@example.org',
        name: 'New Coordinator',
        role: 'coordinator',
        countries: ['SV'],
        password: PASSWORD,
      },
    });
    expect(response.statusCode).toBe(201);
    const user = response.json<{ id: string }>();
    expect(response.headers.location).toBe(`/api/v1/users/${user.id}`);
    expect(response.body).not.toMatch(/argon2|password/i);
    expect((await login('new.coordinator@example.org', PASSWORD)).statusCode).toBe(200);

    const events = await adb.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'user')
      .where('entityId', '=', user.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'create', actorId: admin.id, version: 1 });
    expect(JSON.stringify(events)).not.toMatch(/argon2|a long enough password/);

    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'new.coordinator@example.org',
        name: 'Twin',
        role: 'analyst',
        password: PASSWORD,
      },
    });
    expect(again.statusCode).toBe(409);
  });

  it('changes role and scope, resets the password, disables (ending sessions)', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'changing@example.org',
        name: 'Changing',
        role: 'analyst',
        password: PASSWORD,
      },
    });
    const { id } = created.json<{ id: string }>();
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.headers, payload });

    const promoted = await patch({ role: 'coordinator', countries: ['GT', 'HN'] });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'coordinator', countries: ['GT', 'HN'] });

    const session = await login('changing@example.org', PASSWORD);
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    expect((await patch({ password: 'another long password' })).statusCode).toBe(200);
    expect((await login('changing@example.org', PASSWORD)).statusCode).toBe(401);
    expect((await login('changing@example.org', 'another long password')).statusCode).toBe(200);
    const stale = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(stale.statusCode).toBe(401);

    const disabled = await patch({ disabled: true });
    expect(disabled.json<{ disabledAt: string | null }>().disabledAt).not.toBeNull();
    expect((await login('changing@example.org', 'another long password')).statusCode).toBe(401);

    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${id}`,
      headers: admin.headers,
    });
    expect(read.json()).toMatchObject({ id, role: 'coordinator' });
    const events = await adb.db
      .selectFrom('auditEvents')
      .select(['action', 'version', 'after'])
      .where('entityId', '=', id)
      .orderBy('version')
      .execute();
    expect(events.map((event) => event.version)).toEqual([1, 2, 3, 4]);
    expect(JSON.stringify(events)).not.toMatch(/argon2|another long password/);
  });

  it('validates input and answers 404 for a missing user', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'short@example.org', name: 'Short', role: 'analyst', password: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
      payload: { name: 'Nobody' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lists users for administrators only', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/argon2|passwordHash/);
    const coordinator = await createPrincipal(app, adb, { role: 'coordinator' });
    const denied = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: coordinator.headers,
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe.each(testEngines())('demo users on %s', (engine) => {
  const demoEmails = ['admin@example.org', 'analyst@example.org', 'coordinator@example.org'];

  async function usersAfterStart(
    mode: 'embedded' | 'server',
    demoUsers: boolean | 'embedded',
  ): Promise<{ emails: string[]; adb: AtlasDatabase; app: AtlasApp }> {
    const adb = await openTestDatabase(engine);
    // The engine decides the real mode; `mode` stands for what the database reports.
    const database = { ...adb, mode };
    const app = await buildTestApp(database, { demoUsers, demoPassword: 'demo-password-x' });
    const rows = await adb.db.selectFrom('users').select('email').orderBy('email').execute();
    return { emails: rows.map((row) => row.email), adb, app };
  }

  it('seeds the three demo users in embedded mode, who can sign in', async () => {
    const { emails, adb, app } = await usersAfterStart('embedded', 'embedded');
    expect(emails).toEqual(demoEmails);
    const coordinator = await adb.db
      .selectFrom('users')
      .select('countries')
      .where('email', '=', 'coordinator@example.org')
      .executeTakeFirstOrThrow();
    expect(coordinator.countries).toEqual(['GT', 'HN']);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'analyst@example.org', password: 'demo-password-x' },
    });
    expect(login.statusCode).toBe(200);
    await app.close();
    await adb.close();
  });

  it('does not seed them in server mode unless asked, nor when disabled', async () => {
    for (const [mode, setting, expected] of [
      ['server', 'embedded', []],
      ['embedded', false, []],
      ['server', true, demoEmails],
    ] as const) {
      const { emails, adb, app } = await usersAfterStart(mode, setting);
      expect(emails, `${mode} with ${String(setting)}`).toEqual(expected);
      await app.close();
      await adb.close();
    }
  }, 180_000); // three fresh databases and apps; slow on a busy two-core machine
});
