// Backup and restore with the standard tools: pg_dump (custom format) of a seeded, edited
// database, pg_restore into a new one, and the same row counts and geometry checksums. Runs on
// a throwaway cluster of its own.
import { openDatabase } from '@atlas/db';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { programInput } from '../support/records';
import { createPgCluster, PG_BIN, type PgCluster } from './support/pg-cluster';
import { tableState } from './support/table-state';

const run = promisify(execFile);

async function onCluster(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text);
  await client.end();
}

describe('backup and restore with pg_dump / pg_restore', () => {
  let cluster: PgCluster;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-backup-'));

  beforeAll(async () => {
    cluster = await createPgCluster();
    await onCluster(cluster.url, 'CREATE DATABASE atlas_source');
    await onCluster(cluster.url, 'CREATE DATABASE atlas_restored');
    // The sample data, then changes through the API (versions, audit events, a deletion).
    const database = await openDatabase({
      databaseUrl: cluster.urlFor('atlas_source'),
      seed: 'if-empty',
    });
    const app = await buildTestApp(database);
    const headers = await createPrincipalHeaders(app, database, { role: 'admin' });
    for (let i = 0; i < 3; i += 1) {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/programs',
        headers,
        payload: programInput(),
      });
      expect(created.statusCode).toBe(201);
      const { id } = created.json<{ id: string }>();
      const removed = await app.inject({
        method: 'DELETE',
        url: `/api/v1/programs/${id}`,
        headers: { ...headers, 'if-match': '"1"' },
      });
      expect(removed.statusCode).toBe(200);
    }
    await app.close();
    await database.close();
  }, 300_000);

  afterAll(async () => {
    await cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores the same rows and geometries', async () => {
    const file = join(dir, 'atlas.dump');
    const source = cluster.urlFor('atlas_source');
    const restored = cluster.urlFor('atlas_restored');
    await run(join(PG_BIN, 'pg_dump'), ['--format=custom', `--file=${file}`, source]);
    expect(statSync(file).size).toBeGreaterThan(100_000);
    await run(join(PG_BIN, 'pg_restore'), [
      '--exit-on-error',
      '--no-owner',
      `--dbname=${restored}`,
      file,
    ]);

    const before = await tableState(source);
    const after = await tableState(restored);
    expect(Number(before['incidents.rows'])).toBeGreaterThan(1000);
    expect(Object.keys(before).filter((key) => key.endsWith('.geom')).length).toBeGreaterThan(4);
    expect(after).toEqual(before);

    // The restored database opens as a working Atlas database (migrations find nothing to do).
    const database = await openDatabase({ databaseUrl: restored });
    const app = await buildTestApp(database);
    const sites = await app.inject({ url: '/api/v1/sites?limit=5' });
    expect(sites.statusCode).toBe(200);
    await app.close();
    await database.close();
  }, 120_000);
});
