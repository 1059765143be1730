// Database faults on loopback, against a throwaway PostgreSQL cluster of this test's own (the
// shared server is never touched): a TCP proxy that adds latency, swallows traffic, and resets
// or drops connections while queries are in flight.
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

    /** Cuts every connection while queries are surely on the wire, then waits for recovery. */
    async function cutInFlight(cut: () => void) {
      const acceptedBefore = proxy.accepted;
      proxy.mode = 'latency';
      proxy.latencyMs = 400;
      const during = Array.from({ length: 6 }, () => list());
      // Bytes of a query (or its answer) are held by the proxy: a request is in flight.
      for (let waited = 0; proxy.held === 0 && waited < 60_000; waited += 5) await pause(5);
      expect(proxy.held).toBeGreaterThan(0);
      const acceptedAtCut = proxy.accepted;
      cut();
      proxy.mode = 'pass';
      // Bounded: every request is answered (a hang would time the test out), 200 or 503.
      const statuses = (await Promise.all(during)).map((response) => response.statusCode);
      expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
      expect(statuses).toContain(503); // the cut met a query in flight
      let recovered = false;
      for (let attempt = 0; attempt < 100 && !recovered; attempt += 1) {
        recovered = (await list()).statusCode === 200;
        if (!recovered) await pause(100);
      }
      expect(recovered).toBe(true);
      // Every old connection is gone, so the 200 came over a new one: the pool reconnected.
      expect(proxy.accepted).toBeGreaterThan(acceptedAtCut);
      expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
      return { statuses, newConnections: proxy.accepted - acceptedBefore };
    }

    it('answers 503 (never 500) when connections are reset mid-query, then the pool recovers', async () => {
      const { statuses, newConnections } = await cutInFlight(() => {
        proxy.resetAll();
      });
      process.stdout.write(
        `proxy reset: ${statuses.join(' ')}; ${newConnections} new connections\n`,
      );
    });

    it('answers 503 (never 500) when connections are dropped mid-query, then the pool recovers', async () => {
      const { statuses, newConnections } = await cutInFlight(() => {
        proxy.dropAll();
      });
      process.stdout.write(
        `proxy drop: ${statuses.join(' ')}; ${newConnections} new connections\n`,
      );
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
