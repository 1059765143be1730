// HTTP load with autocannon in a worker thread (its own event loop, so the load generator does
// not steal the app's), summarised like the SQL load.
import { Worker } from 'node:worker_threads';
import { summarise, type LoadStats } from './stats';

export interface HttpRequestSpec {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, e.g. /api/v1/sites?limit=100 */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The status every answer must have (default 200). */
  expectStatus?: number;
}

export interface HttpLoadOptions {
  connections: number;
  seconds: number;
}

export interface HttpLoadStats extends LoadStats {
  /** Mean body bytes per answer. */
  bytes: number;
}

interface WorkerResult {
  latencies: number[];
  unexpected: number;
  seconds: number;
  bytesPerRequest: number;
}

export async function httpLoad(
  origin: string,
  spec: HttpRequestSpec,
  options: HttpLoadOptions,
): Promise<HttpLoadStats> {
  const worker = new Worker(new URL('./http-worker.mjs', import.meta.url), {
    workerData: {
      url: `${origin}${spec.path}`,
      method: spec.method ?? 'GET',
      headers: spec.headers ?? {},
      body: spec.body,
      connections: options.connections,
      seconds: options.seconds,
      expectStatus: spec.expectStatus ?? 200,
    },
  });
  const result = await new Promise<WorkerResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return {
    ...summarise(result.latencies, result.unexpected, result.seconds),
    bytes: Math.round(result.bytesPerRequest),
  };
}
