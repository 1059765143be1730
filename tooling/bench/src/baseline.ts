// The committed baseline (tooling/bench/baseline.json): each quick case's ratio per engine.
// A ratio is our endpoint against its own reference measured in the same run, so it travels
// between machines far better than raw milliseconds do.
import { readFileSync, writeFileSync } from 'node:fs';
import type { CaseResult } from './run-case';

export const BASELINE_FILE = new URL('../baseline.json', import.meta.url);
/** `pnpm bench --quick` fails when a ratio is more than this much worse than the baseline. */
export const TOLERANCE = 0.25;

export interface Baseline {
  machine: string;
  date: string;
  settings: { connections: number; seconds: number; rounds?: number };
  ratios: Record<string, { kind: 'p50' | 'share'; value: number }>;
}

export const baselineKey = (result: Pick<CaseResult, 'engine' | 'scale' | 'id'>) =>
  `${result.engine}/${result.scale}x/${result.id}`;

export function readBaseline(): Baseline | undefined {
  try {
    return JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
  } catch {
    return undefined;
  }
}

export function writeBaseline(baseline: Baseline): void {
  writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** A reason when `result` is a regression of more than TOLERANCE against the baseline. */
export function regression(baseline: Baseline, result: CaseResult): string | undefined {
  const before = baseline.ratios[baselineKey(result)];
  if (!before || !result.ratio || before.kind !== result.ratio.kind) return undefined;
  const now = result.ratio.value;
  // p50 ratios: lower is better; throughput shares: higher is better.
  const worse =
    before.kind === 'p50'
      ? now > before.value * (1 + TOLERANCE)
      : now < before.value / (1 + TOLERANCE);
  if (!worse) return undefined;
  return `${baselineKey(result)}: ratio ${now} against the baseline's ${before.value} (more than ${TOLERANCE * 100}% worse)`;
}

/** Per ratio, the less favourable of two baselines' (a higher p50 ratio, a lower share). */
export function keepWorse(
  previous: Baseline['ratios'],
  current: Baseline['ratios'],
): Baseline['ratios'] {
  const merged = { ...current };
  for (const [key, before] of Object.entries(previous)) {
    const now = merged[key];
    if (!now || now.kind !== before.kind) continue;
    const worse =
      now.kind === 'p50' ? Math.max(now.value, before.value) : Math.min(now.value, before.value);
    merged[key] = { kind: now.kind, value: worse };
  }
  return merged;
}
