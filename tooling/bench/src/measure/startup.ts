// First start (empty data folder or empty database: migrations and seed) and warm restart of
// the API process, and its memory idle and under load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { Engine } from '../environment';
import { httpLoad } from '../load/http';
import { round } from '../load/stats';
import { rssOf, startApi } from './api-process';

export interface StartupResult {
  engine: Engine;
  firstStartMs: number;
  warmRestartMs: number;
  rssIdleMb: number;
  rssPeakUnderLoadMb: number;
  loadPerSecond: number;
  /** Exit code after SIGTERM (0 = drained and closed cleanly). */
  exitCode: number | null;
}

async function onServer(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function measureStartup(
  engine: Engine,
  serverUrl: string,
  loadSeconds: number,
): Promise<StartupResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const dbName = `atlas_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const env: Record<string, string> =
    engine === 'embedded' ? { ATLAS_DATA_DIR: dataDir } : { DATABASE_URL: url.toString() };
  if (engine === 'server') await onServer(serverUrl, `CREATE DATABASE ${dbName}`);
  try {
    const first = await startApi(env);
    await first.stop();
    const warm = await startApi(env);
    const pid = warm.child.pid ?? 0;
    const rssIdle = rssOf(pid);
    let peak = rssIdle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid));
    }, 100);
    const load = await httpLoad(
      warm.origin,
      { path: '/api/v1/sites?limit=1000' },
      { connections: 16, seconds: loadSeconds },
    );
    clearInterval(sampler);
    const exitCode = await warm.stop();
    const mb = (bytes: number) => round(bytes / 1024 / 1024, 0);
    return {
      engine,
      firstStartMs: Math.round(first.readyMs),
      warmRestartMs: Math.round(warm.readyMs),
      rssIdleMb: mb(rssIdle),
      rssPeakUnderLoadMb: mb(peak),
      loadPerSecond: load.perSecond,
      exitCode,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'server') {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    }
  }
}
