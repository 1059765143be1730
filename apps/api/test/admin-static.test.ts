import { openTestDatabase, type AtlasDatabase } from '@atlas/db/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';

// Serving files does not depend on the database engine; one embedded database is enough.
describe('serving the admin app in production', () => {
  let database: AtlasDatabase;
  let dist: string;
  let app: AtlasApp;
  let missingApp: AtlasApp;
  let developmentApp: AtlasApp;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    dist = mkdtempSync(join(tmpdir(), 'atlas-admin-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atlas admin</title>');
    writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log("atlas")');
    app = await buildTestApp(database, { serveAdmin: true, adminDist: dist });
    missingApp = await buildTestApp(database, { serveAdmin: true, adminDist: join(dist, 'nope') });
    developmentApp = await buildTestApp(database, { serveAdmin: false, adminDist: dist });
  });

  afterAll(async () => {
    await Promise.all([app.close(), missingApp.close(), developmentApp.close()]);
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / without caching', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Atlas admin');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a long time', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/programs/GT-ENF-001?tab=funding' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Atlas admin');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    '/api/v1/unknown',
    '/ogc/collections/x',
    '/tiles/1/2/3.pbf',
    '/health/x',
    '/docs/nope',
    '/assets/gone.js',
  ])('answers %s with a 404, not the app', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Atlas admin');
  });

  it('still serves the API next to the app', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
  });

  it('explains how to build the app when its folder is missing', async () => {
    const response = await missingApp.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('pnpm build');
  });

  it('does not serve the app outside production', async () => {
    const response = await developmentApp.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(404);
  });
});
