// Database faults on loopback, against a throwaway PostgreSQL cluster of this test's own (the
// shared server is never touched): a TCP proxy that adds latency, swallows traffic and resets
// connections.
import { openDatabase, type AtlasDatabase } from '@atlas/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { createPgCluster, type PgCluster } from './support/pg-cluster';
import { createTcpProxy, type TcpProxy } from './support/tcp-proxy';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

describe('database faults (own PostgreSQL cluster)', () => {
  let cluster: PgCluster;

  beforeAll(async () => {
    cluster = await createPgCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE atlas_faults');
    await admin.end();
  }, 180_000);

  afterAll(async () => {
    await cluster.destroy();
  });

  describe('a misbehaving network (TCP proxy)', () => {
    let proxy: TcpProxy;
    let database: AtlasDatabase;
    let app: AtlasApp;
    let headers: Record<string, string>;

    beforeAll(async () => {
      proxy = await createTcpProxy(cluster.port);
      database = await openDatabase({
        databaseUrl: `postgres://postgres@127.0.0.1:${proxy.port}/atlas_faults`,
      });
      app = await buildTestApp(database);
      headers = await createPrincipalHeaders(app, database, { role: 'admin' });
    });

    afterAll(async () => {
      await app.close();
      await database.close();
      await proxy.close();
    });

    const list = () => app.inject({ url: '/api/v1/programs?limit=5', headers });

    it('stays correct with 150 ms added each way', async () => {
      proxy.mode = 'latency';
      proxy.latencyMs = 150;
      const { value: response, ms } = await timed(list());
      expect(response.statusCode, response.body).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(300); // the latency is real
      expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
      proxy.mode = 'pass';
    });

    it('answers 503 (never 500) when connections are reset, then the pool recovers', async () => {
      const during = Array.from({ length: 6 }, () => list());
      proxy.resetAll();
      const statuses = (await Promise.all(during)).map((response) => response.statusCode);
      expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
      const acceptedBefore = proxy.accepted;
      let recovered = false;
      for (let attempt = 0; attempt < 50 && !recovered; attempt += 1) {
        recovered = (await list()).statusCode === 200;
        if (!recovered) await pause(100);
      }
      expect(recovered).toBe(true);
      expect(proxy.accepted).toBeGreaterThan(acceptedBefore - 1);
    });

    it('answers readiness 503 within its time limit when the network swallows traffic', async () => {
      proxy.mode = 'blackhole';
      const { value: ready, ms } = await timed(app.inject({ url: '/health/ready' }));
      expect(ready.statusCode).toBe(503);
      expect(ms).toBeLessThan(5000);
      // The network comes back (dead connections are reset by the peer, as a router does).
      proxy.mode = 'pass';
      proxy.resetAll();
      let recovered = false;
      for (let attempt = 0; attempt < 50 && !recovered; attempt += 1) {
        recovered = (await list()).statusCode === 200;
        if (!recovered) await pause(100);
      }
      expect(recovered).toBe(true);
    });
  });
});
