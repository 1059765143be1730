// One benchmark environment: a database (embedded PGlite or a PostGIS server) loaded with the
// generated sample at a given scale, the real app listening on a loopback port, a bare Fastify
// route beside it, and an API key for the routes that need one.
import { buildApp, type AtlasApp } from '@atlas/api/app';
import { loadConfig } from '@atlas/api/config';
import { openDatabase, seedIfEmpty, type AtlasDatabase } from '@atlas/db';
import { loadBoundaries, type SampleData } from '@atlas/geodata';
import { generateSample } from '@atlas/geodata/generate';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

export type Engine = 'embedded' | 'server';

export interface BenchEnvironment {
  engine: Engine;
  scale: number;
  counts: Record<string, number>;
  database: AtlasDatabase;
  app: AtlasApp;
  /** http://127.0.0.1:port of the app. */
  origin: string;
  /** http://127.0.0.1:port of a bare Fastify app with GET /bare. */
  bareOrigin: string;
  /** Authorization header of a coordinator API key (reads everything, writes programs). */
  auth: Record<string, string>;
  seedSeconds: number;
  close(): Promise<void>;
}

const samples = new Map<number, SampleData>();

/** The generated sample at a scale (same seed and scale, same data), built once per run. */
export function sampleAt(scale: number): SampleData {
  let sample = samples.get(scale);
  if (!sample) {
    sample = generateSample({ scale });
    samples.set(scale, sample);
  }
  return sample;
}

const listen = async (app: FastifyInstance): Promise<string> => {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on the server (dropped by close), or a fresh in-memory PGlite. */
async function openFresh(
  engine: Engine,
  serverUrl: string,
): Promise<{ database: AtlasDatabase; drop: () => Promise<void> }> {
  if (engine === 'embedded') {
    return { database: await openDatabase({ seed: false }), drop: () => Promise.resolve() };
  }
  const name = `atlas_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () =>
    withClient(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    ).then(() => undefined);
  try {
    return { database: await openDatabase({ databaseUrl: url.toString(), seed: false }), drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * Fastify gives plugins 10 s to load; on a starved machine the first load of the route modules
 * (tsx compiling them) can take longer, and the second finds them compiled.
 */
async function buildAppPatiently(options: Parameters<typeof buildApp>[0]): Promise<AtlasApp> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const app = await buildApp(options);
      await app.ready();
      return app;
    } catch (error) {
      const timedOut = /did not start in time/.test(error instanceof Error ? error.message : '');
      if (!timedOut || attempt >= 3) throw error;
    }
  }
}

async function signIn(origin: string): Promise<Record<string, string>> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.org', password: 'atlas-bench' }),
  });
  if (!login.ok) throw new Error(`bench sign-in failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${origin}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', role: 'coordinator', countries: null }),
  });
  if (created.status !== 201) {
    throw new Error(`bench API key failed: ${created.status} ${await created.text()}`);
  }
  const { key } = (await created.json()) as { key: string };
  return { authorization: `Bearer ${key}` };
}

export async function openEnvironment(
  engine: Engine,
  scale: number,
  serverUrl: string,
): Promise<BenchEnvironment> {
  const { database, drop } = await openFresh(engine, serverUrl);
  const seedStarted = performance.now();
  const sample = sampleAt(scale);
  const seeded = await seedIfEmpty(database.db, {
    load: () => Promise.resolve({ boundaries: loadBoundaries(), sample }),
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // Logging off, as in most HTTP benchmarks: the figures are the app's own work.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ATLAS_DEMO_USERS: 'true',
    ATLAS_DEMO_PASSWORD: 'atlas-bench',
  });
  const app = await buildAppPatiently({ config, database });
  const origin = await listen(app);
  const bare = Fastify();
  bare.get('/bare', () => ({ status: 'ok' }));
  const bareOrigin = await listen(bare);
  const auth = await signIn(origin);
  return {
    engine,
    scale,
    counts: seeded.counts,
    database,
    app,
    origin,
    bareOrigin,
    auth,
    seedSeconds,
    async close() {
      await bare.close();
      await app.close();
      await database.close();
      await drop();
    },
  };
}
