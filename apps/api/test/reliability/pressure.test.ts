// Event-loop pressure: while the loop lags, requests are shed with a 503 problem and
// Retry-After (liveness still answers); once the lag is gone, requests are served again.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { PRESSURE_RETRY_AFTER_SECONDS } from '../../src/plugins/under-pressure';
import { buildTestApp } from '../helpers';

const MAX_EVENT_LOOP_DELAY_MS = 1000;
const yieldOnce = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Blocks the event loop in slices longer than the threshold for a bit over one sample. */
async function lagEventLoop(): Promise<void> {
  const until = Date.now() + 3500;
  while (Date.now() < until) {
    const sliceEnd = Date.now() + MAX_EVENT_LOOP_DELAY_MS * 1.5;
    while (Date.now() < sliceEnd) {
      // busy: the kind of work (a huge synchronous computation) that starves every request
    }
    await yieldOnce(); // lets the plugin's sampler run between slices
  }
}

describe.each(testEngines())('event-loop pressure on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { maxEventLoopDelayMs: MAX_EVENT_LOOP_DELAY_MS });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('sheds requests with 503 + Retry-After while the loop lags, then recovers', async () => {
    expect((await app.inject({ url: '/api/v1/reference' })).statusCode).toBe(200);
    await lagEventLoop();
    expect(app.isUnderPressure()).toBe(true);

    const shed = await app.inject({ url: '/api/v1/reference' });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe(String(PRESSURE_RETRY_AFTER_SECONDS));
    expect(String(shed.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const problem = shed.json<{ status: number; detail: string }>();
    expect(problem.status).toBe(503);
    expect(problem.detail).toMatch(/overloaded/);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(503);
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);

    // One quiet sample later the lag is measured as gone.
    for (let waited = 0; app.isUnderPressure() && waited < 10_000; waited += 250) await pause(250);
    expect(app.isUnderPressure()).toBe(false);
    expect((await app.inject({ url: '/api/v1/reference' })).statusCode).toBe(200);
  });

  it('never sheds with the threshold at 0, the embedded default', async () => {
    const calm = await buildTestApp(database, { maxEventLoopDelayMs: 0 });
    try {
      await lagEventLoop();
      expect((await calm.inject({ url: '/api/v1/reference' })).statusCode).toBe(200);
    } finally {
      await calm.close();
    }
  });
});
