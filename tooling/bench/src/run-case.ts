// Measures one case in one environment: a warm-up, the same-answer check, then our endpoint
// under autocannon and its reference (raw SQL with the same concurrency, or another route),
// in alternating rounds whose median ratio is the figure (load/rounds.ts).
import type { BenchCase } from './cases/types';
import type { BenchEnvironment } from './environment';
import { fetchPatiently } from './load/fetch';
import { httpLoad, type HttpLoadStats } from './load/http';
import { alternate } from './load/rounds';
import { sqlLoad } from './load/sql';
import type { LoadStats } from './load/stats';

export interface LoadSettings {
  connections: number;
  /** Seconds of each load: one side of one round. */
  seconds: number;
  /** Alternating rounds of our endpoint and its reference. */
  rounds: number;
}

export interface CaseResult {
  id: string;
  title: string;
  engine: BenchEnvironment['engine'];
  scale: number;
  http: HttpLoadStats;
  reference?: LoadStats & { kind: 'sql' | 'http' };
  /** HTTP p50 / SQL p50 ('p50'), or our req/s / the reference route's req/s ('share'). */
  ratio?: { kind: 'p50' | 'share'; value: number };
  /** The ratio of each round (the figure is their median). */
  roundRatios?: number[];
  target?: BenchCase['target'];
  /** Why a target was missed (filled in from the figures). */
  missed: string[];
}

async function fetchBody(origin: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetchPatiently(`${origin}${path}`, { headers });
  const json = /json/.test(response.headers.get('content-type') ?? '');
  const body: unknown = json ? await response.json() : await response.arrayBuffer();
  return { status: response.status, body };
}

export async function runCase(
  env: BenchEnvironment,
  bench: BenchCase,
  settings: LoadSettings,
): Promise<CaseResult> {
  const spec = await bench.http(env);
  const expected = spec.expectStatus ?? 200;
  // Warm-up (plans, pages, JIT) and the same-answer check.
  let answer: unknown;
  for (let i = 0; i < 5; i += 1) {
    const { status, body } = await fetchBody(env.origin, spec.path, spec.headers);
    if (status !== expected) throw new Error(`${bench.id}: answered ${status}, not ${expected}`);
    answer = body;
  }
  const query = bench.sql?.(env);
  if (query && bench.same) {
    const problem = bench.same(answer, await query());
    if (problem) throw new Error(`${bench.id}: the SQL gives another answer (${problem})`);
  }

  const connections = bench.connections ?? settings.connections;
  const load = { connections, seconds: settings.seconds };
  const ours = () => httpLoad(env.origin, spec, load);
  const base = {
    id: bench.id,
    title: bench.title,
    engine: env.engine,
    scale: env.scale,
    ...(bench.target ? { target: bench.target } : {}),
    missed: [] as string[],
  };
  let result: CaseResult;
  if (query) {
    const measured = await alternate(
      settings.rounds,
      ours,
      () => sqlLoad(query, { concurrency: connections, seconds: settings.seconds }),
      (http, sql) => http.p50Ms / Math.max(sql.p50Ms, 0.01),
    );
    result = {
      ...base,
      http: measured.ours,
      reference: { kind: 'sql', ...measured.reference },
      ratio: { kind: 'p50', value: measured.ratio },
      roundRatios: measured.ratios,
    };
  } else if (bench.reference) {
    const other = bench.reference(env);
    const measured = await alternate(
      settings.rounds,
      ours,
      () => httpLoad(other.origin, other.spec, load),
      (http, ref) => http.perSecond / Math.max(ref.perSecond, 0.01),
    );
    result = {
      ...base,
      http: measured.ours,
      reference: { kind: 'http', ...(measured.reference as LoadStats) },
      ratio: { kind: 'share', value: measured.ratio },
      roundRatios: measured.ratios,
    };
  } else {
    // Nothing to compare with: one longer load (no ratio, so nothing for the baseline).
    result = {
      ...base,
      http: await httpLoad(env.origin, spec, { ...load, seconds: load.seconds * 2 }),
    };
  }
  const { target, ratio, http } = result;
  if (!Number.isFinite(http.p50Ms)) result.missed.push('no answer to time');
  if (target?.maxRatio !== undefined && ratio?.kind === 'p50' && ratio.value > target.maxRatio) {
    result.missed.push(`p50 ${ratio.value}× its SQL (target ≤ ${target.maxRatio}×)`);
  }
  if (target?.minShare !== undefined && ratio?.kind === 'share' && ratio.value < target.minShare) {
    result.missed.push(`${ratio.value} of the bare route's req/s (target ≥ ${target.minShare})`);
  }
  if (target?.maxBytes !== undefined && http.bytes > target.maxBytes) {
    result.missed.push(`${http.bytes} bytes (target ≤ ${target.maxBytes})`);
  }
  const latency = target?.maxP50Ms;
  if (latency && latency.engine === env.engine && latency.scale === env.scale) {
    if (http.p50Ms > latency.ms)
      result.missed.push(`p50 ${http.p50Ms} ms (target ≤ ${latency.ms} ms)`);
  }
  if (http.errors > 0) result.missed.push(`${http.errors} unexpected answers under load`);
  return result;
}
