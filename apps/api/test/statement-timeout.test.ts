// A real statement timeout (docs/api-conventions.md: read and write statements have timeouts,
// 503 on expiry). The app runs on a database handle with a 300 ms statement timeout while
// another connection holds an exclusive lock on the programs table, so PostgreSQL itself cancels
// the app's reads and writes (SQLSTATE 57014). Nothing is timed in the test: the lock is held
// until the answers are in. PostgreSQL only: the embedded engine runs one statement at a time on
// one connection and cannot cancel it (errors.test.ts covers the mapping of 57014 itself).
import { openDatabase } from '@atlas/db';
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { programInput, send } from './support/records';

const onPostgis = testEngines().includes('postgis');

describe.runIf(onPostgis)('statement timeouts on postgis', () => {
  let adb: AtlasDatabase;
  let slow: AtlasDatabase;
  let app: AtlasApp;
  let admin: Record<string, string>;
  let id: string;
  let etag: string;

  beforeAll(async () => {
    adb = await openTestDatabase('postgis', { seed: true });
    // The same database, opened again with a tiny statement timeout.
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(adb.db))
      .rows[0]?.name;
    const url = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '');
    url.pathname = `/${name ?? ''}`;
    slow = await openDatabase({ databaseUrl: url.toString(), statementTimeoutMs: 300, poolMax: 2 });
    app = await buildTestApp(slow);
    admin = await createPrincipalHeaders(app, adb, { role: 'admin' });
    const created = await send(app, 'POST', '/api/v1/programs', {
      headers: admin,
      body: programInput(),
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json<{ id: string }>().id;
    etag = String(created.headers.etag);
  });

  afterAll(async () => {
    await app.close();
    await slow.close();
    await adb.close();
  });

  const auditEvents = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events`.execute(adb.db)).rows[0]
      ?.n;

  it('answers 503 with Retry-After when PostgreSQL cancels a read or a write, writing nothing', async () => {
    const eventsBefore = await auditEvents();
    const answers = await adb.db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE programs IN ACCESS EXCLUSIVE MODE`.execute(trx);
      return {
        list: await send(app, 'GET', '/api/v1/programs'),
        one: await send(app, 'GET', `/api/v1/programs/${id}`),
        patch: await send(app, 'PATCH', `/api/v1/programs/${id}`, {
          headers: admin,
          ifMatch: etag,
          body: { title: 'Changed while the table was locked' },
        }),
      };
    });
    for (const [name, response] of Object.entries(answers)) {
      expect(response.statusCode, `${name}: ${response.body}`).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json<{ detail: string }>().detail).toMatch(/timeout/);
      expect(response.body).not.toMatch(/SELECT|UPDATE|programs"|canceling/i);
    }

    // Nothing was written; with the lock gone the same change goes through.
    const stored = await adb.db
      .selectFrom('programs')
      .select(['version', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(1);
    expect(stored.title).not.toMatch(/locked/);
    expect(await auditEvents()).toBe(eventsBefore);
    const retried = await send(app, 'PATCH', `/api/v1/programs/${id}`, {
      headers: admin,
      ifMatch: etag,
      body: { title: 'Changed after the lock' },
    });
    expect(retried.statusCode, retried.body).toBe(200);
  });
});
