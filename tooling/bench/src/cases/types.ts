// A benchmark case: one request to our API next to what it is measured against — the raw SQL
// producing the same answer (run in this process, through the app's pool) or another HTTP route.
import type { BenchEnvironment } from '../environment';
import type { HttpRequestSpec } from '../load/http';

export interface BenchCase {
  /** Stable key (baseline.json), e.g. `rest.sites.bbox-100`. */
  id: string;
  title: string;
  /** Part of `pnpm bench --quick` (and of its regression check). */
  quick?: boolean;
  /** Only from this scale up to this one (e.g. a case too slow for 100×). */
  maxScale?: number;
  /** Our endpoint. Throw `NotAvailable` when the route is not there (yet). */
  http(env: BenchEnvironment): Promise<HttpRequestSpec> | HttpRequestSpec;
  /** The raw SQL giving the same answer; the figure is HTTP p50 / SQL p50. */
  sql?(env: BenchEnvironment): (() => Promise<unknown>) | undefined;
  /** Or another HTTP route; the figure is our throughput / its throughput. */
  reference?(env: BenchEnvironment): { origin: string; spec: HttpRequestSpec };
  /** Proves both sides give the same answer: a reason when they differ. */
  same?(httpBody: unknown, sqlResult: unknown): string | undefined;
  /** Concurrent connections for this case instead of the run's (1: the latency one user sees). */
  connections?: number;
  /** The target for this case's figure. */
  target?: {
    maxRatio?: number;
    minShare?: number;
    maxBytes?: number;
    /** Our p50 in milliseconds, judged only on this engine and scale. */
    maxP50Ms?: { ms: number; engine: 'embedded' | 'server'; scale: number };
  };
}

/** The route this case measures does not exist in this build (another feature not landed). */
export class NotAvailable extends Error {}
