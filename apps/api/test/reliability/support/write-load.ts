// A write load for fault tests: writers creating programs in a loop through the app, keeping
// every acknowledged (201) id and every status, until stopped.
import type { AtlasApp } from '../../../src/app';
import { programInput } from '../../support/records';

export interface WriteLoad {
  acknowledged: string[];
  statuses: Map<number, number>;
  /** Times (ms since epoch) of acknowledged writes. */
  ackTimes: number[];
  stop(): Promise<void>;
}

export function startWriteLoad(
  app: AtlasApp,
  headers: Record<string, string>,
  writers = 4,
): WriteLoad {
  const load: Omit<WriteLoad, 'stop'> = { acknowledged: [], statuses: new Map(), ackTimes: [] };
  let running = true;
  const writer = async () => {
    while (running) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/programs',
        headers,
        payload: programInput(),
      });
      load.statuses.set(response.statusCode, (load.statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 201) {
        load.acknowledged.push(response.json<{ id: string }>().id);
        load.ackTimes.push(Date.now());
      } else {
        await new Promise((resolve) => setTimeout(resolve, 20)); // a client's short back-off
      }
    }
  };
  const done = Promise.all(Array.from({ length: writers }, writer));
  return {
    ...load,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** One readiness answer: when it was asked, when it came, and its status. */
export interface ReadinessProbe {
  sentAt: number;
  at: number;
  status: number;
}

/** Polls readiness every 100 ms until stopped; keeps each probe. */
export function watchReadiness(app: AtlasApp) {
  const seen: ReadinessProbe[] = [];
  const state = { running: true };
  const done = (async () => {
    while (state.running) {
      const sentAt = Date.now();
      const response = await app.inject({ url: '/health/ready' });
      seen.push({ sentAt, at: Date.now(), status: response.statusCode });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    seen,
    async stop() {
      state.running = false;
      await done;
    },
  };
}

/** Waits until `done()` holds, checking every 50 ms; fails after `ms` naming what it awaited. */
export async function waitUntil(done: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
