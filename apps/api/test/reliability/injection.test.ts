// Injection payloads (SQL, CQL2, property names, sort keys, Unicode, NUL) in every string
// parameter of every documented route (from /openapi.json, so routes added later are covered)
// and in every string field of the record bodies: never a 5xx, rejected writes change nothing,
// and no payload ever appears in the text of an SQL statement (parameters are bound).
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { POINT_IN, programInput, siteInput } from '../support/records';
import { INJECTION_PAYLOADS, MARKER } from './payloads';
import { spyOnSql, type SqlSpy } from './sql-spy';

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  schema?: { type?: string | string[] };
}
type OpenApi = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

/** Every byte percent-encoded (lone surrogates become U+FFFD, as any HTTP client sends them). */
const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

/** Statements whose text carries a payload: the payload was pasted, not bound. */
const pasted = (spy: SqlSpy) => spy.texts.filter((text) => text.includes(MARKER));

async function rowCount(database: AtlasDatabase, table: string): Promise<number> {
  const result = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db);
  return result.rows[0]?.n ?? -1;
}

describe.each(testEngines())('injection payloads on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let admin: Record<string, string>;
  let programId: string;
  let spy: SqlSpy;

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
    admin = await createPrincipalHeaders(app, database, { role: 'admin' });
    const program = await database.db
      .selectFrom('programs')
      .select('id')
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    programId = program.id;
    spy = spyOnSql();
  });

  afterAll(async () => {
    spy.restore();
    await app.close();
    await database.close();
  });

  it('answers every payload in every GET parameter without a 5xx, bound only', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json<OpenApi>();
    let tried = 0;
    const before = await rowCount(database, 'audit_events');
    for (const [path, operations] of Object.entries(document.paths)) {
      const get = operations.get;
      if (!get) continue;
      const parameters = (get.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path');
      const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      // Other path parameters get a harmless value while one of them carries the payload.
      const fill = (except: string | undefined) =>
        pathParams.reduce(
          (url, name) =>
            name === except ? url : url.replace(`{${name}}`, name === 'id' ? programId : '1'),
          path,
        );
      for (const parameter of parameters) {
        for (const payload of INJECTION_PAYLOADS) {
          const url =
            parameter.in === 'path'
              ? fill(parameter.name).replace(`{${parameter.name}}`, percentEncode(payload))
              : `${fill(undefined)}?${parameter.name}=${percentEncode(payload)}`;
          const response = await app.inject({ url, headers: admin }).catch((error: unknown) => {
            throw new Error(`GET ${url}: ${String(error)}`);
          });
          expectNo5xx(response, `GET ${path} ${parameter.name}=${JSON.stringify(payload)}`);
          tried += 1;
        }
      }
    }
    // Seventeen or more routes with parameters today; more as OGC, tiles and analysis land.
    expect(tried).toBeGreaterThan(INJECTION_PAYLOADS.length * 20);
    expect(pasted(spy)).toEqual([]);
    expect(await rowCount(database, 'audit_events')).toBe(before);
  }, 300_000); // every parameter of every route, on both engines

  it('stores payloads in string fields verbatim or refuses them, never pasting them', async () => {
    const bodies: Record<string, { table: string; body: Record<string, unknown> }> = {
      programs: { table: 'programs', body: { ...programInput() } },
      sites: { table: 'sites', body: { ...siteInput(programId) } },
      incidents: {
        table: 'incidents',
        body: {
          kind: 'seizure',
          occurredOn: '2022-03-04',
          geometry: POINT_IN.HN,
          country: 'HN',
          threat: 'narcotics',
          quantity: 120,
          unit: 'kg',
          description: null,
          source: 'Injection test',
          illustrative: true,
        },
      },
    };
    let tried = 0;
    for (const [collection, { table, body }] of Object.entries(bodies)) {
      const stringFields = Object.keys(body).filter((key) => typeof body[key] === 'string');
      for (const field of stringFields) {
        for (const payload of INJECTION_PAYLOADS) {
          const sent = { ...body, [field]: payload };
          if (collection === 'programs' && field !== 'code') sent.code = `INJ-${tried}`;
          const countBefore = await rowCount(database, table);
          const response = await app.inject({
            method: 'POST',
            url: `/api/v1/${collection}`,
            headers: admin,
            payload: sent,
          });
          const what = `POST ${collection} ${field}=${JSON.stringify(payload).slice(0, 80)}`;
          expectNo5xx(response, what);
          tried += 1;
          if (response.statusCode === 201) {
            // Kept exactly as sent: what was stored is the text, not an effect of it.
            expect(response.json<Record<string, unknown>>()[field], what).toBe(sent[field]);
            expect(await rowCount(database, table), what).toBe(countBefore + 1);
          } else {
            expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
            expect(await rowCount(database, table), what).toBe(countBefore);
          }
          if (payload.includes('\u0000')) expect(response.statusCode, what).toBe(400);
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(pasted(spy)).toEqual([]);
  }, 300_000);
});
