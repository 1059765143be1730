// The record machinery through programs: create / read / replace / update / delete / restore,
// ETag and If-Match, history and restore-version, audit in the same transaction, country scope.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipal, createPrincipalHeaders, type TestPrincipal } from './support/auth';
import { auditRows, createRecord, programInput, send } from './support/records';

interface ProgramBody {
  id: string;
  code: string;
  title: string;
  countries: string[];
  endDate: string | null;
  version: number;
  deletedAt: string | null;
  funding: { fiscalYear: number; account: string; stage: string; amountUsd: number }[];
  indicators: { code: string }[];
  totals: { committed: number; obligated: number; disbursed: number };
}

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe.each(testEngines())('program records on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let admin: TestPrincipal;
  let coordinator: Record<string, string>;

  const programs = '/api/v1/programs';

  async function create(overrides = {}, headers = admin.headers) {
    return createRecord<ProgramBody>(app, programs, headers, programInput(overrides));
  }

  async function versionInDb(id: string): Promise<number> {
    const row = await database.db
      .selectFrom('programs')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.version;
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
    admin = await createPrincipal(app, database, { role: 'admin' });
    coordinator = await createPrincipalHeaders(app, database, {
      role: 'coordinator',
      countries: ['GT', 'HN'],
    });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('creates a program: 201, Location, ETag, totals derived from the funding rows', async () => {
    const response = await send(app, 'POST', programs, {
      headers: admin.headers,
      body: programInput(),
    });
    expect(response.statusCode, response.body).toBe(201);
    const program = response.json<ProgramBody>();
    expect(response.headers.location).toBe(`${programs}/${program.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(program).toMatchObject({ version: 1, deletedAt: null });
    expect(program.totals).toEqual({
      committed: 1_500_000,
      obligated: 750_000,
      disbursed: 200_000,
    });
    expect(program.funding).toHaveLength(4);

    const read = await send(app, 'GET', `${programs}/${program.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(program);

    const [event, ...more] = await auditRows(database, 'program', program.id);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({
      action: 'create',
      actorType: 'api_key',
      actorId: admin.id,
      version: 1,
      before: null,
    });
    expect(event?.after).toMatchObject({ id: program.id, code: program.code });
  });

  it('requires If-Match: 428 without it, 412 when stale or weak', async () => {
    const { record } = await create();
    const url = `${programs}/${record.id}`;
    const body = programInput({ code: record.code, title: 'Renamed' });

    const missing = await send(app, 'PUT', url, { headers: admin.headers, body });
    expect(missing.statusCode).toBe(428);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);

    for (const stale of ['"2"', 'W/"1"', '"0", "7"']) {
      const response = await send(app, 'PUT', url, {
        headers: admin.headers,
        body,
        ifMatch: stale,
      });
      expect(response.statusCode, stale).toBe(412);
    }
    const malformed = await send(app, 'PUT', url, { headers: admin.headers, body, ifMatch: '1' });
    expect(malformed.statusCode).toBe(400);
    expect(await versionInDb(record.id)).toBe(1);

    const replaced = await send(app, 'PUT', url, { headers: admin.headers, body, ifMatch: '"1"' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.headers.etag).toBe('"2"');
    expect(replaced.json<ProgramBody>()).toMatchObject({ title: 'Renamed', version: 2 });

    const anyVersion = await send(app, 'PATCH', url, {
      headers: admin.headers,
      body: { title: 'Any version' },
      ifMatch: '*',
    });
    expect(anyVersion.statusCode).toBe(200);
    expect(anyVersion.headers.etag).toBe('"3"');
  });

  it('PATCH merges, replaces funding rows in the same change, and checks the rules', async () => {
    const { record } = await create();
    const url = `${programs}/${record.id}`;
    const patched = await send(app, 'PATCH', url, {
      headers: admin.headers,
      body: { funding: [{ fiscalYear: 2024, account: 'NADR', stage: 'disbursed', amountUsd: 42 }] },
      ifMatch: '"1"',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const program = patched.json<ProgramBody>();
    expect(program.title).toBe(record.title);
    expect(program.totals).toEqual({ committed: 0, obligated: 0, disbursed: 42 });
    const rows = await database.db
      .selectFrom('programFunding')
      .selectAll()
      .where('programId', '=', record.id)
      .execute();
    expect(rows).toHaveLength(1);

    // The merged record breaks a rule: endDate before the stored startDate.
    const events = (await auditRows(database, 'program', record.id)).length;
    const bad = await send(app, 'PATCH', url, {
      headers: admin.headers,
      body: { endDate: '2001-01-01' },
      ifMatch: '"2"',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors).toContainEqual(
      expect.objectContaining({ path: '/endDate' }),
    );
    expect(await versionInDb(record.id)).toBe(2);
    expect(await auditRows(database, 'program', record.id)).toHaveLength(events);
  });

  it('soft-deletes (hidden from lists and reads) and restores', async () => {
    const { record } = await create();
    const url = `${programs}/${record.id}`;
    const listed = async () => {
      const page = (await send(app, 'GET', `${programs}?limit=500`)).json<{
        items: { id: string }[];
      }>();
      return page.items.some((item) => item.id === record.id);
    };
    expect(await listed()).toBe(true);

    expect((await send(app, 'DELETE', url, { headers: admin.headers })).statusCode).toBe(428);
    const deleted = await send(app, 'DELETE', url, { headers: admin.headers, ifMatch: '"1"' });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.headers.etag).toBe('"2"');
    expect(deleted.json<ProgramBody>().deletedAt).not.toBeNull();
    expect(await listed()).toBe(false);
    expect((await send(app, 'GET', url)).statusCode).toBe(404);
    expect((await send(app, 'GET', `${url}?includeDeleted=true`)).statusCode).toBe(200);
    const patchDeleted = await send(app, 'PATCH', url, {
      headers: admin.headers,
      body: { title: 'x' },
      ifMatch: '"2"',
    });
    expect(patchDeleted.statusCode).toBe(404);

    const stale = await send(app, 'POST', `${url}/restore`, {
      headers: admin.headers,
      ifMatch: '"1"',
    });
    expect(stale.statusCode).toBe(412);
    const restored = await send(app, 'POST', `${url}/restore`, {
      headers: admin.headers,
      ifMatch: '"2"',
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json<ProgramBody>()).toMatchObject({ version: 3, deletedAt: null });
    expect(await listed()).toBe(true);

    const actions = (await auditRows(database, 'program', record.id)).map((row) => row.action);
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });

  it('lists the history and restores an earlier version as a new, audited version', async () => {
    const { record } = await create();
    const url = `${programs}/${record.id}`;
    const renamed = await send(app, 'PATCH', url, {
      headers: admin.headers,
      body: { title: 'Second title', indicators: [] },
      ifMatch: '"1"',
    });
    expect(renamed.statusCode).toBe(200);

    const anonymousHistory = await send(app, 'GET', `${url}/history`);
    expect(anonymousHistory.statusCode).toBe(401);
    const history = await send(app, 'GET', `${url}/history`, { headers: admin.headers });
    expect(history.statusCode).toBe(200);
    const items = history.json<{ items: { version: number; action: string; before: unknown }[] }>()
      .items;
    expect(items.map((item) => [item.version, item.action])).toEqual([
      [1, 'create'],
      [2, 'update'],
    ]);
    expect(items[1]?.before).toMatchObject({ title: record.title, version: 1 });

    const missing = await send(app, 'POST', `${url}/history/9/restore`, {
      headers: admin.headers,
      ifMatch: '"2"',
    });
    expect(missing.statusCode).toBe(404);
    const restored = await send(app, 'POST', `${url}/history/1/restore`, {
      headers: admin.headers,
      ifMatch: '"2"',
    });
    expect(restored.statusCode, restored.body).toBe(200);
    const program = restored.json<ProgramBody>();
    expect(program).toMatchObject({ title: record.title, version: 3 });
    expect(program.indicators).toEqual(record.indicators);
    const last = (await auditRows(database, 'program', record.id)).at(-1);
    expect(last).toMatchObject({ action: 'restore', version: 3 });
  });

  it('keeps neither the change nor its audit event when the audit insert fails', async () => {
    const { record } = await create();
    const url = `${programs}/${record.id}`;
    await sql`
      CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit store is broken'; END $$
    `.execute(database.db);
    await sql`
      CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION test_fail_audit()
    `.execute(database.db);
    try {
      const response = await send(app, 'PATCH', url, {
        headers: admin.headers,
        body: { title: 'Never kept', funding: [] },
        ifMatch: '"1"',
      });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toMatch(/audit store is broken/);
      const created = await send(app, 'POST', programs, {
        headers: admin.headers,
        body: programInput({ code: 'TEST-NEVER-KEPT' }),
      });
      expect(created.statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER test_fail_audit ON audit_events`.execute(database.db);
      await sql`DROP FUNCTION test_fail_audit()`.execute(database.db);
    }
    const stored = (await send(app, 'GET', url)).json<ProgramBody>();
    expect(stored).toMatchObject({ title: record.title, version: 1 });
    expect(stored.funding).toHaveLength(4);
    expect(await auditRows(database, 'program', record.id)).toHaveLength(1);
    const orphan = await database.db
      .selectFrom('programs')
      .select('id')
      .where('code', '=', 'TEST-NEVER-KEPT')
      .execute();
    expect(orphan).toHaveLength(0);
  });

  it('lets a coordinator change programs only inside their countries, before and after', async () => {
    const outside = await send(app, 'POST', programs, {
      headers: coordinator,
      body: programInput({ countries: ['GT', 'SV'] }),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json<Problem>().detail).toMatch(/SV/);

    const { record } = await create({ countries: ['GT'] }, coordinator);
    const url = `${programs}/${record.id}`;
    const widen = await send(app, 'PATCH', url, {
      headers: coordinator,
      body: { countries: ['GT', 'PA'] },
      ifMatch: '"1"',
    });
    expect(widen.statusCode).toBe(403);
    expect(await versionInDb(record.id)).toBe(1);

    const { record: foreign } = await create({ countries: ['CR'] });
    const foreignUrl = `${programs}/${foreign.id}`;
    const takeOver = await send(app, 'PATCH', foreignUrl, {
      headers: coordinator,
      body: { countries: ['GT'] },
      ifMatch: '"1"',
    });
    expect(takeOver.statusCode).toBe(403);
    const remove = await send(app, 'DELETE', foreignUrl, { headers: coordinator, ifMatch: '"1"' });
    expect(remove.statusCode).toBe(403);
    expect(await versionInDb(foreign.id)).toBe(1);
    expect(await auditRows(database, 'program', foreign.id)).toHaveLength(1);

    const inside = await send(app, 'PATCH', url, {
      headers: coordinator,
      body: { countries: ['GT', 'HN'] },
      ifMatch: '"1"',
    });
    expect(inside.statusCode, inside.body).toBe(200);
  });

  it('refuses analysts (403) and anonymous writers (401); reads stay public', async () => {
    const analyst = await createPrincipalHeaders(app, database, { role: 'analyst' });
    const body = programInput();
    expect((await send(app, 'POST', programs, { headers: analyst, body })).statusCode).toBe(403);
    expect((await send(app, 'POST', programs, { body })).statusCode).toBe(401);
    const rows = await database.db
      .selectFrom('programs')
      .select('id')
      .where('code', '=', body.code)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('answers 400 with reasons for a bad body and 409 for a taken code, writing nothing', async () => {
    const bad = await send(app, 'POST', programs, {
      headers: admin.headers,
      body: { ...programInput(), line: 'military', goals: [] },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<Problem>().errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['/line', '/goals']));

    const { record } = await create();
    const taken = await send(app, 'POST', programs, {
      headers: admin.headers,
      body: programInput({ code: record.code }),
    });
    expect(taken.statusCode).toBe(409);
  });

  it('refuses bodies over 1 MiB with 413 and writes nothing', async () => {
    const body = programInput({ summary: 'x'.repeat(1024 * 1024) });
    const response = await send(app, 'POST', programs, { headers: admin.headers, body });
    expect(response.statusCode).toBe(413);
    expect(response.json<Problem>().status).toBe(413);
    const rows = await database.db
      .selectFrom('programs')
      .select('id')
      .where('code', '=', body.code)
      .execute();
    expect(rows).toHaveLength(0);
  });
});
