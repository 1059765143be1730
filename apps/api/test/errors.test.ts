import { openTestDatabase, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AtlasApp } from '../src/app';
import { testConfig } from './helpers';

// The error handler does not depend on the database engine; one embedded database is enough.
describe('error responses', () => {
  let database: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    app = await buildApp({ config: testConfig(), database });
    // A route that fails the way a bug would, with secrets in its message.
    app.get('/test/bug', () => {
      throw new Error('password=s3cret failed in SELECT * FROM users');
    });
    app.get('/test/conflict', () => {
      throw app.httpErrors.conflict('the program changed since it was read');
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('hides the cause of a 500: no message, no stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal Server Error',
    });
  });

  it('keeps the message of a deliberate 4xx error', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'the program changed since it was read',
    });
  });
});
