// Injection payloads (SQL, CQL2, property names, sort keys, Unicode, NUL) in every query and path
// parameter of every route and in every string field of every JSON body, all read from
// /openapi.json (built from the registered routes' schemas, so routes added later are covered):
// never a 5xx, rejected requests write nothing, no payload ever appears in the text of an SQL
// statement (parameters are bound), and a payload makes the database run no statement that a
// benign value of the same parameter does not (the "no timing difference" proof: same statement
// texts with bound values give the server the same work; see docs/reliability.md).
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { INJECTION_PAYLOADS, MARKER } from './payloads';
import { spyOnSql, type SqlSpy } from './sql-spy';
import {
  minimalBody,
  operationsOf,
  stringFields,
  withValueAt,
  type OpenApi,
  type Operation,
  type Parameter,
} from './support/openapi-walk';
import { validInputs, type Body } from './support/valid-inputs';

/** Every byte percent-encoded (lone surrogates become U+FFFD, as any HTTP client sends them). */
const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
const BENIGN = 'atlasbenign';
/** The caller's credential bookkeeping (last-used stamps), throttled by time, not by input. */
const BOOKKEEPING = /"(api_keys|sessions)"/;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

function expectNo5xx(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

/** Statements whose text carries a payload: the payload was pasted, not bound. */
const pasted = (spy: SqlSpy) => spy.texts.filter((text) => text.includes(MARKER));

async function auditCount(database: AtlasDatabase): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events`.execute(
    database.db,
  );
  return result.rows[0]?.n ?? -1;
}

const collectionOf = (path: string) => path.split('/')[3] ?? '';
/** The value at a body path in a response (a feature's fields are in its `properties`). */
function valueAt(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? (node as Body)[key] : undefined),
    value,
  );
}

describe.each(testEngines())('injection payloads on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let admin: Record<string, string>;
  let programId: string;
  let inputs: Record<string, Body>;
  let operations: Operation[];
  /** A live record per collection (path ids), with its current ETag. */
  const targets = new Map<string, { id: string; etag: string }>();
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
    inputs = validInputs(programId);
    for (const [collection, input] of Object.entries(inputs)) {
      const created = await app.inject({
        method: 'POST',
        url: `/api/v1/${collection}`,
        headers: admin,
        payload: input,
      });
      expect(created.statusCode, `${collection}: ${created.body}`).toBe(201);
      targets.set(collection, {
        id: created.json<{ id: string }>().id,
        etag: String(created.headers.etag),
      });
    }
    operations = operationsOf((await app.inject({ url: '/openapi.json' })).json<OpenApi>());
    // A user to edit, built from the users route's own schema.
    const userSchema = operations.find((o) => o.method === 'POST' && o.path === '/api/v1/users');
    const user = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: minimalBody(userSchema!.body!, { uuid: programId }) as Body,
    });
    expect(user.statusCode, user.body).toBe(201);
    targets.set('users', { id: user.json<{ id: string }>().id, etag: String(user.headers.etag) });
    spy = spyOnSql();
  });

  afterAll(async () => {
    spy.restore();
    await app.close();
    await database.close();
  });

  /** A harmless value for a path parameter: the collection's live record, an enum value, 1. */
  function pathValue(operation: Operation, parameter: Parameter): string {
    if (parameter.schema?.enum?.length) return String(parameter.schema.enum[0]);
    if (parameter.name === 'id' || parameter.name === 'featureId')
      return targets.get(collectionOf(operation.path))?.id ?? programId;
    if (parameter.name === 'collectionId') return 'programs';
    return '1';
  }

  function urlOf(operation: Operation, carrier?: Parameter, value?: string): string {
    let url = operation.path;
    for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
      const text =
        parameter === carrier ? value! : encodeURIComponent(pathValue(operation, parameter));
      url = url.replace(`{${parameter.name}}`, text);
    }
    return carrier?.in === 'query' ? `${url}?${carrier.name}=${value!}` : url;
  }

  it('answers every payload in every parameter of every route: no 5xx, bound, no new statement', async () => {
    const withParameters = operations.filter((operation) => operation.parameters.length > 0);
    // Programs, sites, OGC items and tiles at least, with their ids, filters and sort keys.
    expect(withParameters.length).toBeGreaterThan(30);
    const auditBefore = await auditCount(database);
    const novel: string[] = [];
    const timings = { benign: [] as number[], payload: [] as number[] };
    let tried = 0;
    let reached = 0; // payload requests that ran statements: the comparison is not vacuous
    for (const operation of withParameters) {
      for (const parameter of operation.parameters) {
        const what = (payload: string) =>
          `${operation.method} ${operation.path} ${parameter.name}=${JSON.stringify(payload).slice(0, 80)}`;
        const ask = async (value: string) => {
          const mark = spy.texts.length;
          const started = process.hrtime.bigint();
          const response = await app.inject({
            method: operation.method,
            url: urlOf(operation, parameter, percentEncode(value)),
            headers: admin,
            ...(operation.body ? { payload: {} } : {}),
          });
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const texts = spy.texts.slice(mark).filter((text) => !BOOKKEEPING.test(text));
          return { response, texts, ms };
        };
        // A benign value, asked before and after the payloads: the statements it may run.
        const first = await ask(BENIGN);
        const allowed = new Set(first.texts);
        timings.benign.push(first.ms);
        for (const payload of INJECTION_PAYLOADS) {
          const { response, texts, ms } = await ask(payload);
          expectNo5xx(response, what(payload));
          timings.payload.push(ms);
          tried += 1;
          if (texts.length > 0) reached += 1;
          for (const text of texts)
            if (!allowed.has(text)) novel.push(`${what(payload)}: ${text.slice(0, 200)}`);
        }
        const last = await ask(BENIGN);
        timings.benign.push(last.ms);
        for (const text of last.texts) allowed.add(text);
        // A statement first seen after the benign pair is novel only if the pair never ran it.
        for (let i = novel.length - 1; i >= 0; i -= 1)
          if ([...allowed].some((text) => novel[i]!.endsWith(`: ${text.slice(0, 200)}`)))
            novel.splice(i, 1);
      }
    }
    expect(tried).toBeGreaterThan(INJECTION_PAYLOADS.length * 40);
    expect(pasted(spy)).toEqual([]);
    expect(novel).toEqual([]);
    expect(reached).toBeGreaterThan(INJECTION_PAYLOADS.length * 10);
    // A payload refused or not, nothing is written (no route here got a valid body and ETag).
    expect(await auditCount(database)).toBe(auditBefore);
    process.stdout.write(
      `injection (${engine}) parameters: ${tried} requests on ${withParameters.length} operations, ` +
        `${reached} reached the database; ` +
        `median ${median(timings.payload).toFixed(2)} ms with a payload, ` +
        `${median(timings.benign).toFixed(2)} ms benign\n`,
    );
  }, 900_000); // every parameter of every route, on both engines, on a shared machine

  it('stores payloads in every string body field verbatim or refuses them, never pasting', async () => {
    const withBody = operations.filter((operation) => operation.body);
    const refusedBases: string[] = [];
    let tried = 0;
    for (const operation of withBody) {
      const collection = collectionOf(operation.path);
      const target = targets.get(collection);
      const known = inputs[collection];
      const recordSchema = operations.find(
        (o) => o.method === 'POST' && o.path === `/api/v1/${collection}`,
      )?.body;
      // OGC feature bodies carry the record's fields in `properties` (free-form in the schema).
      const ogc = operation.path.startsWith('/ogc/') && known && recordSchema;
      const full = operation.method === 'PUT' || operation.method === 'POST';
      const base: unknown = ogc
        ? {
            type: 'Feature',
            geometry: known.geometry,
            properties: Object.fromEntries(
              Object.entries(known).filter(([key]) => key !== 'geometry'),
            ),
          }
        : known && (operation.method === 'PUT' || operation.path === `/api/v1/${collection}`)
          ? known
          : minimalBody(operation.body!, { uuid: target?.id ?? programId });
      const fields = [
        ...stringFields(operation.body!),
        ...(ogc
          ? stringFields(recordSchema)
              .filter((path) => path[0] !== 'geometry' && (full || path.length === 1))
              .map((path) => ['properties', ...path])
          : []),
      ];
      const url = urlOf(operation);
      const fresh = (body: unknown) => {
        // Unique keys stay unique from one accepted request to the next.
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
        const copy = structuredClone(body) as Record<string, unknown>;
        if (typeof copy.code === 'string') copy.code = `INJ-${tried}`;
        if (typeof copy.email === 'string') copy.email = `inj-${tried}@test.example.org`;
        return copy;
      };
      const send = (body: unknown) =>
        app.inject({
          method: operation.method,
          url,
          headers: { ...admin, ...(target ? { 'if-match': target.etag } : {}) },
          payload: body as Body,
        });
      // The record's current ETag (an OGC write may answer without one), so that a valid body
      // reaches the handler instead of a 412.
      const refreshEtag = async () => {
        if (!target || !inputs[collection]) return;
        const current = await app.inject({
          url: `/api/v1/${collection}/${target.id}`,
          headers: admin,
        });
        const etag = current.headers.etag;
        if (typeof etag === 'string') target.etag = etag;
      };
      const keepEtag = async (response: {
        statusCode: number;
        headers: Record<string, unknown>;
      }) => {
        if (!target || response.statusCode >= 300) return;
        const etag = response.headers.etag;
        if (typeof etag === 'string') target.etag = etag;
        else await refreshEtag();
      };
      await refreshEtag();
      const accepted = await send(fresh(base));
      await keepEtag(accepted);
      if (accepted.statusCode >= 300) refusedBases.push(`${operation.method} ${operation.path}`);
      for (const field of fields) {
        for (const payload of INJECTION_PAYLOADS) {
          const sent = withValueAt(fresh(base), field, payload) as Body;
          const what = `${operation.method} ${operation.path} ${field.join('.')}=${JSON.stringify(payload).slice(0, 80)}`;
          const before = await auditCount(database);
          const response = await send(sent);
          await keepEtag(response);
          expectNo5xx(response, what);
          tried += 1;
          if (response.statusCode < 300) {
            // Kept exactly as sent (the text, not an effect of it), or not kept at all (a
            // password is hashed, a read-only `id` replaced by the server's): never altered.
            // PostgreSQL text cannot hold NUL, so a NUL is never kept.
            const echoed: unknown = /json/.test(String(response.headers['content-type']))
              ? response.json()
              : undefined;
            const kept = valueAt(echoed, field);
            const keptText = typeof kept === 'string' ? kept : JSON.stringify(kept ?? null);
            if (payload.includes('\u0000') || kept !== payload)
              expect(keptText, what).not.toContain(MARKER);
          } else {
            expect(await auditCount(database), what).toBe(before);
          }
        }
      }
    }
    // The record collections' bases are valid, so their payloads reach the handlers.
    for (const collection of Object.keys(inputs))
      expect(refusedBases, collection).not.toContain(`POST /api/v1/${collection}`);
    expect(tried).toBeGreaterThan(INJECTION_PAYLOADS.length * 40);
    expect(pasted(spy)).toEqual([]);
    process.stdout.write(
      `injection (${engine}) bodies: ${tried} requests on ${withBody.length} operations; ` +
        `base refused (schema-only coverage): ${refusedBases.join(', ') || 'none'}\n`,
    );
  }, 900_000);
});
