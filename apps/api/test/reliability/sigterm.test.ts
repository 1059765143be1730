// SIGTERM under load, on the API as its own process (src/server.ts, as `pnpm start` runs it):
// requests in flight when the signal comes are finished (and their writes kept), new requests
// are refused (connection refused, or 503 on a kept-alive connection), and the process exits 0.
import { openDatabase, type AtlasDatabase } from '@atlas/db';
import { testEngines } from '@atlas/db/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programInput } from '../support/records';
import { signInDemoAdmin, startApiProcess, type ApiProcess } from './support/api-process';
import { waitUntil } from './support/write-load';

const PASSWORD = 'reliability-demo';
const CLIENTS = 8;
const PATIENCE_MS = 120_000;

/** What a client saw: a status, or a transport error (refused, reset) with its code. */
type Outcome = { at: number; status: number } | { at: number; error: string };

/**
 * A POST whose body arrives in two halves: in flight (headers read, body pending) meanwhile.
 * It asks `Expect: 100-continue`, so `started` resolves once the server has taken the request
 * (no guess at how long that takes on a busy machine).
 */
function slowPost(origin: string, path: string, headers: Record<string, string>, body: string) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let finish!: () => void;
  let started!: Promise<void>;
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      new URL(path, origin),
      {
        method: 'POST',
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(bytes.length),
          expect: '100-continue',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on('error', reject);
    started = new Promise<void>((resolveStarted) => {
      req.once('continue', () => {
        req.write(bytes.subarray(0, half));
        resolveStarted();
      });
    });
    req.flushHeaders();
    finish = () => {
      req.end(bytes.subarray(half));
    };
  });
  return {
    answered,
    started,
    finish: () => {
      finish();
    },
  };
}

/** The status of GET /health/live on a new connection (not a kept-alive one), or the error code. */
function onNewConnection(origin: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpRequest(new URL('/health/live', origin), { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? String(error));
    });
    req.end();
  });
}

/** Server engine: a fresh database on the test server; embedded: a fresh data folder. */
interface FreshEnvironment {
  env: Record<string, string>;
  open: () => Promise<AtlasDatabase>;
  drop: () => Promise<void>;
}

async function freshEnvironment(engine: string): Promise<FreshEnvironment> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'atlas-sigterm-'));
    return {
      env: { ATLAS_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir, seed: false }),
      drop: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `atlas_sigterm_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), ATLAS_DEMO_USERS: 'true' },
    open: () => openDatabase({ databaseUrl: url.toString(), seed: false }),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

describe.each(testEngines())('SIGTERM under load on %s', (engine) => {
  let fresh: FreshEnvironment;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    fresh = await freshEnvironment(engine);
  });

  afterAll(async () => {
    api?.child.kill('SIGKILL');
    await fresh.drop();
  });

  it('finishes the requests in flight, refuses new ones and exits 0', async () => {
    api = await startApiProcess({
      ...fresh.env,
      ATLAS_DEMO_PASSWORD: PASSWORD,
      // Load shedding off: here every 503 must come from the drain (pressure.test.ts sheds).
      ATLAS_MAX_EVENT_LOOP_DELAY_MS: '0',
    });
    const { origin } = api;
    const headers = await signInDemoAdmin(origin, PASSWORD);
    const writeHeaders = { ...headers, 'content-type': 'application/json' };

    // The load: clients alternating reads and writes on kept-alive connections.
    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let running = true;
    const client = async (index: number) => {
      for (let i = 0; running; i += 1) {
        try {
          const response =
            (index + i) % 2 === 0
              ? await fetch(`${origin}/api/v1/programs?limit=20`, { headers })
              : await fetch(`${origin}/api/v1/programs`, {
                  method: 'POST',
                  headers: writeHeaders,
                  body: JSON.stringify(programInput()),
                });
          const text = await response.text();
          outcomes.push({ at: Date.now(), status: response.status });
          if (response.status === 201) acknowledged.push((JSON.parse(text) as { id: string }).id);
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause;
          outcomes.push({ at: Date.now(), error: cause?.code ?? String(error) });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
    await waitUntil(() => acknowledged.length >= 10, PATIENCE_MS, 'writes under load');

    // Requests in flight at the signal: bodies half sent.
    const inFlight = Array.from({ length: 3 }, () =>
      slowPost(origin, '/api/v1/programs', headers, JSON.stringify(programInput())),
    );
    await Promise.all(inFlight.map((request) => request.started)); // the server has taken them
    const signalledAt = Date.now();
    api.child.kill('SIGTERM');

    // New requests are refused while the in-flight ones are still open.
    let refusal: Outcome | undefined;
    await waitUntil(
      () => {
        refusal = outcomes.find(
          (outcome) => outcome.at > signalledAt && ('error' in outcome || outcome.status === 503),
        );
        return refusal !== undefined;
      },
      PATIENCE_MS,
      'a refused request after SIGTERM',
    );
    const newConnection = await onNewConnection(origin);
    expect(api.child.exitCode).toBeNull(); // still draining: it waits for the in-flight three
    for (const request of inFlight) request.finish();
    const drained = await Promise.all(inFlight.map((request) => request.answered));
    const exited = await api.exited;
    const exitedAfterMs = Date.now() - signalledAt;
    running = false;
    await clients;

    expect(drained.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(newConnection).toBe('ECONNREFUSED'); // a new connection: nobody listens any more
    expect(exited).toEqual({ code: 0, signal: null });
    // Under load: only successes and refusals (503 on a kept-alive connection, or a transport
    // error after the signal), never a 500, never an error before the signal.
    const statuses = new Set(
      outcomes.flatMap((outcome) => ('status' in outcome ? [outcome.status] : [])),
    );
    expect([...statuses].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(
      outcomes.filter(
        (outcome) => outcome.at < signalledAt && ('error' in outcome || outcome.status === 503),
      ),
    ).toEqual([]);
    expect(api.stderr()).not.toMatch(/killed by timeout|second (error|SIGTERM)/);

    // Every acknowledged write is kept, the three drained ones included.
    const ids = [
      ...acknowledged,
      ...drained.map((answer) => (JSON.parse(answer.body) as { id: string }).id),
    ];
    const database: AtlasDatabase = await fresh.open();
    try {
      const stored = await database.db
        .selectFrom('programs')
        .select('id')
        .where('id', 'in', ids)
        .execute();
      expect(stored.length).toBe(ids.length);
    } finally {
      await database.close();
    }
    // The figures docs/reliability.md quotes, on the test's output.
    process.stdout.write(
      `sigterm (${engine}): ${outcomes.length} requests under load, ${ids.length} writes kept, ` +
        `exit 0 ${exitedAfterMs} ms after the signal; first refusal ${JSON.stringify(refusal)}\n`,
    );
  }, 900_000); // a start-up, the first a cold PGlite initdb on the embedded engine
});
