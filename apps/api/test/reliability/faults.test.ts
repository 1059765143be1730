// Database faults on loopback, against a throwaway PostgreSQL cluster of this test's own (the
// shared server is never touched): the server stopped and restarted under a write load, and a
// TCP proxy that adds latency, swallows traffic and resets connections.
import { openDatabase, type AtlasDatabase } from '@atlas/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { createPgCluster, type PgCluster } from './support/pg-cluster';
import { createTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startWriteLoad, watchReadiness } from './support/write-load';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Seconds the database stays down (RELIABILITY_LONG=1: longer, with more writers). */
const DOWN_MS = process.env.RELIABILITY_LONG ? 15_000 : 2_000;

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

  describe('PostgreSQL stopped and restarted during a write load', () => {
    let database: AtlasDatabase;
    let app: AtlasApp;

    beforeAll(async () => {
      database = await openDatabase({ databaseUrl: cluster.urlFor('atlas_faults') });
      app = await buildTestApp(database);
    });

    afterAll(async () => {
      await app.close();
      await database.close();
    });

    it('loses no acknowledged write, answers 503 while down and is back within 5 s', async () => {
      const headers = await createPrincipalHeaders(app, database, { role: 'admin' });
      const load = startWriteLoad(app, headers, process.env.RELIABILITY_LONG ? 16 : 4);
      const readiness = watchReadiness(app);
      await pause(1000);
      await cluster.stop('fast');
      const downAt = Date.now();
      await pause(DOWN_MS);
      await cluster.start();
      const upAt = Date.now();
      for (let waited = 0; waited < 10_000; waited += 100) {
        if (readiness.seen.some((probe) => probe.at > upAt && probe.status === 200)) break;
        await pause(100);
      }
      await pause(1000);
      await load.stop();
      await readiness.stop();

      const whileDown = readiness.seen.filter(
        (probe) => probe.at > downAt + 300 && probe.at < upAt,
      );
      expect(whileDown.length).toBeGreaterThan(0);
      expect(whileDown.every((probe) => probe.status === 503)).toBe(true);
      const backAt = readiness.seen.find((probe) => probe.at > upAt && probe.status === 200)?.at;
      expect(backAt, 'ready again after the database came back').toBeDefined();
      expect(backAt! - upAt).toBeLessThan(5000);

      // Writes: only 201 or 503 (never a 500), some refused while down, some after.
      expect([...load.statuses.keys()].sort()).toEqual([201, 503]);
      expect(load.ackTimes.some((at) => at > upAt)).toBe(true);
      // Every acknowledged write is there, with its audit event.
      const stored = await database.db
        .selectFrom('programs')
        .select('id')
        .where('id', 'in', load.acknowledged)
        .execute();
      expect(stored.length).toBe(load.acknowledged.length);
      const audited = await database.db
        .selectFrom('auditEvents')
        .select('entityId')
        .where('entityId', 'in', load.acknowledged)
        .execute();
      expect(audited.length).toBe(load.acknowledged.length);
    });
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
