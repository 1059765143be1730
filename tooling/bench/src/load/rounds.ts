// Our endpoint and its reference measured in alternating short rounds, the figure being the
// median of the per-round ratios: a change in the machine's background load hits both sides of
// a round alike, and one disturbed round cannot move a median (docs/benchmarks.md, "noise").
import { round, significant, type LoadStats } from './stats';

export interface Alternated<A extends LoadStats, B extends LoadStats> {
  ours: A;
  reference: B;
  /** Median over the rounds of ratioOf(ours, reference). */
  ratio: number;
  /** Each round's ratio, for the report. */
  ratios: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The rounds' statistics as one: medians of the percentiles, totals of the counts. */
export function combine<S extends LoadStats>(rounds: readonly S[]): S {
  const first = rounds[0];
  if (!first) throw new Error('no rounds to combine');
  return {
    ...first,
    count: rounds.reduce((sum, r) => sum + r.count, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    p50Ms: round(median(rounds.map((r) => r.p50Ms))),
    p95Ms: round(median(rounds.map((r) => r.p95Ms))),
    perSecond: round(median(rounds.map((r) => r.perSecond))),
  };
}

export async function alternate<A extends LoadStats, B extends LoadStats>(
  rounds: number,
  ours: () => Promise<A>,
  reference: () => Promise<B>,
  ratioOf: (ours: A, reference: B) => number,
): Promise<Alternated<A, B>> {
  const oursRounds: A[] = [];
  const referenceRounds: B[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    // Alternate which side goes first, so neither always runs on the warmer machine.
    const [a, b] =
      i % 2 === 0
        ? [await ours(), await reference()]
        : await reference().then(async (b) => [await ours(), b] as const);
    oursRounds.push(a);
    referenceRounds.push(b);
    ratios.push(ratioOf(a, b));
  }
  return {
    ours: combine(oursRounds),
    reference: combine(referenceRounds),
    ratio: significant(median(ratios)),
    ratios: ratios.map((value) => significant(value)),
  };
}
