// PostgreSQL stopped and restarted under a write load, on a throwaway cluster of this test's own
// (support/pg-cluster.ts; the shared server is never touched): no acknowledged write is lost,
// readiness answers 503 while the database is down and 200 again within 5 s of its return.
// RELIABILITY_LONG=1: the database stays down longer, with more writers.
import { openDatabase, type AtlasDatabase } from '@atlas/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { createPgCluster, type PgCluster } from './support/pg-cluster';
import { startWriteLoad, waitUntil, watchReadiness } from './support/write-load';

const LONG = Boolean(process.env.RELIABILITY_LONG);
const DOWN_MS = LONG ? 15_000 : 2_000;
const WRITERS = LONG ? 16 : 4;
/** The bound: ready again this soon after the database accepts connections. */
const BACK_WITHIN_MS = 5_000;
/** Generous waits for set-up steps, so a busy CI machine is slow, not red. */
const PATIENCE_MS = 120_000;

describe('PostgreSQL stopped and restarted during a write load (own cluster)', () => {
  let cluster: PgCluster;
  let database: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    cluster = await createPgCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE atlas_restart');
    await admin.end();
    database = await openDatabase({ databaseUrl: cluster.urlFor('atlas_restart') });
    app = await buildTestApp(database);
  }, 300_000);

  afterAll(async () => {
    await app.close();
    await database.close();
    await cluster.destroy();
  });

  it('loses no acknowledged write, answers 503 while down and is back within 5 s', async () => {
    const headers = await createPrincipalHeaders(app, database, { role: 'admin' });
    const load = startWriteLoad(app, headers, WRITERS);
    const readiness = watchReadiness(app);
    let downAt = 0;
    let startingAt = 0;
    let upAt = 0;
    try {
      await waitUntil(() => load.acknowledged.length >= 5, PATIENCE_MS, 'writes before the stop');
      await cluster.stop('fast'); // open transactions are aborted, as in a crash or failover
      downAt = Date.now();
      await waitUntil(
        () => readiness.seen.some((probe) => probe.sentAt > downAt),
        PATIENCE_MS,
        'a readiness probe while the database is down',
      );
      await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
      // The server accepts connections a little before pg_ctl notices and returns: probes
      // answered in between are rightly 200, so "down" ends when the start begins.
      startingAt = Date.now();
      await cluster.start();
      upAt = Date.now();
      await waitUntil(
        () => readiness.seen.some((probe) => probe.sentAt >= upAt && probe.status === 200),
        PATIENCE_MS,
        'readiness after the restart',
      );
      await waitUntil(
        () => load.ackTimes.filter((at) => at > upAt).length >= 5,
        PATIENCE_MS,
        'writes after the restart',
      );
    } finally {
      await load.stop();
      await readiness.stop();
    }

    // Readiness: 503 for every probe asked and answered while the database was down…
    const whileDown = readiness.seen.filter(
      (probe) => probe.sentAt > downAt && probe.at < startingAt,
    );
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((probe) => probe.status !== 503)).toEqual([]);
    // …and 200 again within 5 s of the database accepting connections.
    const back = readiness.seen.find((probe) => probe.sentAt >= startingAt && probe.status === 200);
    const readyAfter = Math.max(0, back!.at - upAt);
    expect(readyAfter).toBeLessThan(BACK_WITHIN_MS);
    const firstWrite = Math.min(...load.ackTimes.filter((at) => at > upAt));
    expect(firstWrite - upAt).toBeLessThan(BACK_WITHIN_MS);

    // The figures docs/reliability.md quotes, on the test's output.
    process.stdout.write(
      `db restart: down ${startingAt - downAt} ms (start ${upAt - startingAt} ms); ${load.acknowledged.length} writes acknowledged, ` +
        `${load.statuses.get(503) ?? 0} refused with 503; ready ${readyAfter} ms and ` +
        `first write ${firstWrite - upAt} ms after the database came back\n`,
    );

    // Writes were only acknowledged (201) or refused as retryable (503), never a 500.
    expect([...load.statuses.keys()].sort((a, b) => a - b)).toEqual([201, 503]);
    // Every acknowledged write is stored, with its audit event.
    const ids = load.acknowledged;
    const stored = await database.db
      .selectFrom('programs')
      .select('id')
      .where('id', 'in', ids)
      .execute();
    expect(stored.length).toBe(ids.length);
    const audited = await database.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('entityId', 'in', ids)
      .execute();
    expect(new Set(audited.map((row) => row.entityId)).size).toBe(ids.length);
  }, 600_000);
});
