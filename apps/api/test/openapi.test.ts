import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

describe.each(testEngines())('API reference on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database);
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('publishes OpenAPI 3 at /openapi.json listing the routes and their parameters', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<OpenApiDocument>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/health/live',
        '/health/ready',
        '/api/v1/programs',
        '/api/v1/sites',
      ]),
    );
    const programParameters = document.paths['/api/v1/programs']?.get?.parameters ?? [];
    expect(programParameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'sort', 'country', 'line', 'status']),
    );
    expect(document.paths['/openapi.json']).toBeUndefined();
  });

  it('serves the interactive reference at /docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ statusCode: number }>().statusCode).toBe(404);
  });
});
