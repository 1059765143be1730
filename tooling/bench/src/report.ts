// Markdown tables of a run, pasted into docs/benchmarks.md, and the raw figures as JSON.
import type { StartupResult } from './measure/startup';
import type { CaseResult } from './run-case';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
const perSecond = (value: number) => (Number.isFinite(value) ? Math.round(value).toString() : '—');

function ratioText(result: CaseResult): string {
  if (!result.ratio) return '—';
  return result.ratio.kind === 'p50'
    ? `${result.ratio.value.toFixed(2)}×`
    : `${(result.ratio.value * 100).toFixed(0)}% of bare`;
}

/** Whether the case has a target that this engine and scale are judged on. */
function judged(result: CaseResult): boolean {
  const { maxP50Ms, ...others } = result.target ?? {};
  const latencyHere = maxP50Ms?.engine === result.engine && maxP50Ms.scale === result.scale;
  return latencyHere || Object.keys(others).length > 0;
}

function verdict(result: CaseResult): string {
  if (result.missed.length > 0) return `missed: ${result.missed.join('; ')}`;
  return judged(result) ? 'met' : '';
}

export function casesTable(results: readonly CaseResult[]): string {
  const lines = [
    '| engine | scale | case | ours p50 / p95 ms | ours req/s | reference | ref p50 / p95 ms | ref req/s | ratio | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const ref = r.reference;
    lines.push(
      `| ${r.engine} | ${r.scale}× | ${r.title} | ${ms(r.http.p50Ms)} / ${ms(r.http.p95Ms)} | ${perSecond(r.http.perSecond)} | ${ref ? (ref.kind === 'sql' ? 'raw SQL' : 'bare Fastify') : '—'} | ${ref ? `${ms(ref.p50Ms)} / ${ms(ref.p95Ms)}` : '—'} | ${ref ? perSecond(ref.perSecond) : '—'} | ${ratioText(r)} | ${verdict(r)} |`,
    );
  }
  return lines.join('\n');
}

export function startupTable(results: readonly StartupResult[]): string {
  const lines = [
    '| engine | first start (ms) | warm restart (ms) | RSS idle (MB) | RSS peak under load (MB) | load req/s | exit code after SIGTERM |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.engine} | ${r.firstStartMs} | ${r.warmRestartMs} | ${r.rssIdleMb} | ${r.rssPeakUnderLoadMb} | ${perSecond(r.loadPerSecond)} | ${String(r.exitCode)} |`,
    );
  }
  return lines.join('\n');
}
