import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';

describe.each(testEngines())('health on %s', (engine) => {
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

  it('is live', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready, reporting the database mode and capabilities', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: {
        mode: engine === 'pglite' ? 'embedded' : 'server',
        postgis: database.capabilities.postgisVersion,
        mvt: database.capabilities.mvt,
      },
    });
    expect(database.capabilities.postgisVersion).toMatch(/^3\./);
  });

  describe('when the database is closed', () => {
    let closedDatabase: AtlasDatabase;
    let closedApp: AtlasApp;

    beforeAll(async () => {
      closedDatabase = await openTestDatabase(engine);
      closedApp = await buildTestApp(closedDatabase);
      await closedDatabase.close();
    });

    afterAll(async () => {
      await closedApp.close();
    });

    it('is still live', async () => {
      const response = await closedApp.inject({ method: 'GET', url: '/health/live' });
      expect(response.statusCode).toBe(200);
    });

    it('is not ready: 503 with a reason', async () => {
      const response = await closedApp.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      const body = response.json<{ status: string; reason: string }>();
      expect(body.status).toBe('unavailable');
      expect(body.reason).toMatch(/database/);
    });

    it('answers data requests with 503, without a stack trace', async () => {
      const response = await closedApp.inject({ method: 'GET', url: '/api/v1/programs' });
      expect(response.statusCode).toBe(503);
      const body = response.json<{ statusCode: number; error: string; message: string }>();
      expect(body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(body.message).toMatch(/database/);
      expect(response.body).not.toMatch(/\bat .*\.ts:\d+/);
    });
  });
});
