// Fifty writers holding the same ETag: exactly one wins, the others get 412, and exactly one
// new version (and audit event) exists afterwards.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { auditRows, createRecord, programInput, send } from './support/records';

const WRITERS = 50;

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe.each(testEngines())('concurrent changes on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;

  async function newProgram() {
    const { record } = await createRecord<{ id: string; version: number }>(
      app,
      '/api/v1/programs',
      headers,
      programInput(),
    );
    return record.id;
  }

  async function expectOneNewVersion(id: string) {
    const row = await database.db
      .selectFrom('programs')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    const events = await auditRows(database, 'program', id);
    expect(events.map((event) => event.version)).toEqual([1, 2]);
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
    headers = await createPrincipalHeaders(app, database, { role: 'admin' });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it(`gives exactly one of ${WRITERS} PATCHes with one ETag a 200 (inject)`, async () => {
    const id = await newProgram();
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, index) =>
        send(app, 'PATCH', `/api/v1/programs/${id}`, {
          headers,
          body: { title: `Writer ${index}` },
          ifMatch: '"1"',
        }),
      ),
    );
    expect(tally(responses.map((response) => response.statusCode))).toEqual({
      200: 1,
      412: WRITERS - 1,
    });
    await expectOneNewVersion(id);
  });

  it(`gives exactly one of ${WRITERS} PATCHes with one ETag a 200 (real HTTP)`, async () => {
    const id = await newProgram();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const statuses = await Promise.all(
      Array.from({ length: WRITERS }, async (_, index) => {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/programs/${id}`, {
          method: 'PATCH',
          headers: { ...headers, 'content-type': 'application/json', 'if-match': '"1"' },
          body: JSON.stringify({ status: index % 2 === 0 ? 'suspended' : 'completed' }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(tally(statuses)).toEqual({ 200: 1, 412: WRITERS - 1 });
    await expectOneNewVersion(id);
  });
});
