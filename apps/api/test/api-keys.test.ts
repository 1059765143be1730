// API keys: created by admins (shown once, stored hashed), used as Bearer, revoked, audited.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AtlasApp } from '../src/app';
import { sha256Hex } from '../src/auth/tokens';
import { buildTestApp } from './helpers';
import { createPrincipal, type TestPrincipal } from './support/auth';

interface CreatedKey {
  id: string;
  key: string;
  prefix: string;
  role: string;
  countries: string[] | null;
}

describe.each(testEngines())('API keys on %s', (engine) => {
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

  const create = (body: object, headers = admin.headers) =>
    app.inject({ method: 'POST', url: '/api/v1/api-keys', payload: body, headers });
  const me = (key: string) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${key}` },
    });

  it('shows the key once, stores only its hash, and lets it sign requests', async () => {
    const response = await create({ name: 'etl', role: 'coordinator', countries: ['GT'] });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json<CreatedKey>();
    expect(created.key).toMatch(/^atlas_[A-Za-z0-9]{8}_[A-Za-z0-9]{32,}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);

    const row = await adb.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.keyHash).toBe(sha256Hex(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toContain(row.keyHash);
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(
      created.id,
    );

    const answer = await me(created.key);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      principal: { kind: 'api_key', id: created.id, role: 'coordinator', countries: ['GT'] },
      user: null,
      csrfToken: null,
    });
  });

  it('records when a key was last used', async () => {
    const { key, id } = (await create({ name: 'reader', role: 'analyst' })).json<CreatedKey>();
    expect((await me(key)).statusCode).toBe(200);
    await vi.waitFor(async () => {
      const row = await adb.db
        .selectFrom('apiKeys')
        .select('lastUsedAt')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.lastUsedAt).toBeInstanceOf(Date);
    });
  });

  it('fails a revoked key on its next request, and audits the revocation', async () => {
    const { key, id } = (
      await create({ name: 'short-lived', role: 'coordinator' })
    ).json<CreatedKey>();
    expect((await me(key)).statusCode).toBe(200);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${id}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const after = await me(key);
    expect(after.statusCode).toBe(401);
    expect(after.json<{ message: string }>().message).toMatch(/revoked/);

    const events = await adb.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'api_key')
      .where('entityId', '=', id)
      .orderBy('at')
      .execute();
    expect(events.map((event) => event.action)).toEqual(['create', 'delete']);
    expect(events[0]).toMatchObject({
      actorType: 'user',
      actorId: admin.id,
      actorLabel: admin.label,
    });
    expect(JSON.stringify(events)).not.toContain(key);
    expect(JSON.stringify(events)).not.toContain(sha256Hex(key));
  });

  it('rejects unknown and malformed keys with 401', async () => {
    expect((await me('atlas_AAAAAAAA_' + 'B'.repeat(40))).statusCode).toBe(401);
    expect((await me('not-a-key')).statusCode).toBe(401);
    const basic = await app.inject({
      method: 'GET',
      url: '/api/v1/programs',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(basic.statusCode).toBe(401);
  });

  it('validates new keys: roles analyst or coordinator, known countries', async () => {
    expect((await create({ name: 'boss', role: 'admin' })).statusCode).toBe(400);
    expect((await create({ name: 'x', role: 'analyst', countries: ['XX'] })).statusCode).toBe(400);
    expect((await create({ role: 'analyst' })).statusCode).toBe(400);
    const missing = await app.inject({
      method: 'DELETE',
      url: '/api/v1/api-keys/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is for administrators only', async () => {
    for (const role of ['coordinator', 'analyst'] as const) {
      const other = await createPrincipal(app, adb, { role, via: 'session' });
      expect((await create({ name: 'nope', role: 'analyst' }, other.headers)).statusCode).toBe(403);
      const list = await app.inject({
        method: 'GET',
        url: '/api/v1/api-keys',
        headers: other.headers,
      });
      expect(list.statusCode).toBe(403);
    }
    expect((await create({ name: 'nope', role: 'analyst' }, {})).statusCode).toBe(401);
  });
});
