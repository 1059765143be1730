// The CI gate of `pnpm bench --quick`: a ratio more than 25% worse than baseline.json counts only
// when a second measurement, in a freshly opened environment (new database, new app: a run's
// own conditions can shift a ratio by 25%), confirms it. Each measurement is already a
// median of alternating rounds (load/rounds.ts), so a failure needs two medians to agree. When
// the rounds of the second measurement disagree among themselves by more than the tolerance
// (a machine busy with other work), that measurement cannot resolve a 25% change: the suspect
// is then reported, not judged (docs/benchmarks.md, "Why it does not flake").
import { allCases } from './cases';
import { readBaseline, regression, TOLERANCE, type Baseline } from './baseline';
import type { BenchEnvironment } from './environment';
import { measureWrites } from './measure/writes';
import { runCase, type CaseResult, type LoadSettings } from './run-case';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * A reason when the rounds of a measurement are too scattered to judge it: their upper and
 * lower quartiles (of 5 rounds: the 2nd and 4th) lie further apart than the tolerance.
 */
export function tooScattered(result: CaseResult): string | undefined {
  const rounds = [...(result.roundRatios ?? [])].sort((a, b) => a - b);
  if (rounds.length < 3) return undefined;
  const lower = rounds[Math.floor((rounds.length - 1) / 4)]!;
  const upper = rounds[Math.ceil((3 * (rounds.length - 1)) / 4)]!;
  if (lower > 0 && upper / lower <= 1 + TOLERANCE) return undefined;
  return `its rounds range over ${rounds.join(', ')} (quartiles ${lower}–${upper})`;
}

export function requireBaseline(): Baseline {
  const baseline = readBaseline();
  if (!baseline) {
    throw new Error('tooling/bench/baseline.json is missing: run with --quick --update-baseline');
  }
  return baseline;
}

/** Measures each suspect once more in a fresh environment; answers the confirmed regressions. */
export async function confirmRegressions(
  reopen: () => Promise<BenchEnvironment>,
  baseline: Baseline,
  results: readonly CaseResult[],
  settings: LoadSettings,
): Promise<string[]> {
  const suspects = results.filter((result) => regression(baseline, result));
  if (suspects.length === 0) return [];
  log(`  ${suspects.length} suspect(s): measuring them again in a fresh environment`);
  const env = await reopen();
  try {
    return await remeasure(env, baseline, suspects, settings);
  } finally {
    await env.close();
  }
}

async function remeasure(
  env: BenchEnvironment,
  baseline: Baseline,
  suspects: readonly CaseResult[],
  settings: LoadSettings,
): Promise<string[]> {
  const confirmed: string[] = [];
  for (const suspect of suspects) {
    log(`  suspect ${regression(baseline, suspect)}`);
    const bench = allCases.find((candidate) => candidate.id === suspect.id);
    const again =
      suspect.id === 'writes.programs.patch'
        ? await measureWrites(env, settings)
        : bench
          ? await runCase(env, bench, settings)
          : suspect;
    const second = regression(baseline, again);
    const scattered = tooScattered(again);
    if (!second) {
      log(`  not confirmed: ${suspect.id} measured ${again.ratio?.value} the second time`);
    } else if (scattered) {
      log(`  NOT JUDGED (machine too noisy: ${scattered}): ${second}`);
    } else {
      confirmed.push(`${second}; first measurement ${suspect.ratio?.value}`);
    }
  }
  return confirmed;
}
