import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AtlasApp } from '../src/app';
import { buildLoggedApp, testConfig } from './helpers';
import { createPrincipal } from './support/auth';

/** Secrets and SQL the failing routes below carry in their errors; none may reach a log. */
const LEAKS = [
  's3cret',
  'hunter2',
  'tok-log-secret',
  'cookie-log-secret',
  'WHERE token',
  'FROM users',
  'inline_code_block',
];

// On both engines: the database errors the handler maps (timeouts, lost connections) come from
// each engine's own driver path.
describe.each(testEngines())('error responses (application/problem+json) on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildApp({ config: testConfig(), database });
    // A route that fails the way a bug would, with secrets in its message.
    app.get('/test/bug', () => {
      throw new Error('password=s3cret failed in SELECT * FROM users');
    });
    app.get('/test/conflict', () => {
      throw app.httpErrors.conflict('the program changed since it was read');
    });
    // The error PostgreSQL raises when statement_timeout cancels a statement (57014). Raised
    // directly here; statement-timeout.test.ts lets PostgreSQL cancel a real one.
    app.get('/test/slow', async () => {
      await sql`DO $$ BEGIN RAISE EXCEPTION 'canceling statement due to statement timeout'
        USING ERRCODE = 'query_canceled'; END $$`.execute(database.db);
      return { slept: true };
    });
    app.post('/test/echo', (request) => ({ size: JSON.stringify(request.body).length }));
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('hides the cause of a 500: no message, no stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/bug' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Internal Server Error',
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal Server Error',
    });
    expect(response.body).not.toMatch(/s3cret|SELECT/);
  });

  it('keeps the message of a deliberate 4xx error as detail (and message)', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'the program changed since it was read',
      message: 'the program changed since it was read',
    });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/no/such/thing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('lists a reason per field for bad input', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/programs?limit=0&line=x' });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ errors: { path: string; location: string }[] }>();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'querystring', path: '/limit' }),
        expect.objectContaining({ location: 'querystring', path: '/line' }),
      ]),
    );
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(1024 * 1024) });
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });

    const small = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(1000 * 1000) }),
    });
    expect(small.statusCode).toBe(200);
  });

  it('answers 503 with Retry-After when a statement times out, without SQL', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/slow' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ status: 503 });
    expect(response.json<{ detail: string }>().detail).toMatch(/timeout/);
    expect(response.body).not.toMatch(/canceling|RAISE|DO \$\$/i);
  });

  it('answers 503 with a reason when the database is unreachable', async () => {
    const gone = await openTestDatabase(engine);
    const goneApp = await buildApp({ config: testConfig(), database: gone });
    await goneApp.ready();
    await gone.close();
    try {
      const response = await goneApp.inject({ method: 'GET', url: '/api/v1/programs' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
      expect(response.body).not.toMatch(/postgres:|SELECT/i);
    } finally {
      await goneApp.close();
    }
  });

  it('logs a 500 without stack, SQL or secrets, but with class, code and request id', async () => {
    const { app: logged, lines } = await buildLoggedApp(database);
    // A bug whose message carries a connection string, a password and SQL.
    logged.get('/test/leaky', () => {
      throw new Error(
        'postgres://atlas:hunter2@db/atlas refused; password=s3cret in SELECT token FROM users',
      );
    });
    // A real PostgreSQL error whose `internalQuery` and `where` hold the failing statement.
    logged.get('/test/sql-bug', async () => {
      await sql`DO $$ BEGIN PERFORM no_such_column FROM pg_class
        WHERE token = 'tok-log-secret'; END $$`.execute(database.db);
      return {};
    });
    await logged.ready();
    const key = await createPrincipal(logged, database, { role: 'analyst' });
    const headers = { ...key.headers, cookie: 'other=cookie-log-secret' };
    try {
      for (const url of ['/test/leaky', '/test/sql-bug']) {
        const response = await logged.inject({ method: 'GET', url, headers });
        expect(response.statusCode, url).toBe(500);
      }
    } finally {
      await logged.close();
    }
    const failures = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'request failed');
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({
      reqId: expect.any(String) as string,
      err: {
        type: 'Error',
        message: 'postgres://***@db/atlas refused; password=*** in [SQL withheld]',
      },
    });
    expect(failures[1]).toMatchObject({
      err: {
        type: 'DatabaseError',
        code: '42703',
        message: 'column "no_such_column" does not exist',
        at: expect.stringMatching(/errors\.test\.ts:\d+:\d+$/) as string,
      },
    });
    const output = lines.join('');
    expect(output).not.toContain('    at ');
    expect(output).not.toMatch(/"stack"|internalQuery|"where"/);
    for (const leak of [...LEAKS, key.key!]) expect(output).not.toContain(leak);
  });

  it('answers a URL with broken percent-encoding with a 400 problem and safe headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/sites/%zz' });
    expect(response.statusCode).toBe(400);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.json()).toMatchObject({ status: 400, title: 'Bad Request' });
  });
});
