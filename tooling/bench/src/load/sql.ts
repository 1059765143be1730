// Runs a query function with a fixed concurrency for a fixed time, in this process and through
// the app's own pool, timing each call as autocannon times each request.
import { summarise, type LoadStats } from './stats';

export interface SqlLoadOptions {
  /** Calls in flight at once (the same as the HTTP load's connections). */
  concurrency: number;
  seconds: number;
  /** Untimed calls first (plans cached, pages warm). */
  warmupCalls?: number;
}

export async function sqlLoad(
  run: () => Promise<unknown>,
  options: SqlLoadOptions,
): Promise<LoadStats> {
  for (let i = 0; i < (options.warmupCalls ?? 3); i += 1) await run();
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await run();
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
