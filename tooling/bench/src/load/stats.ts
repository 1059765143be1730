// Latency statistics shared by the HTTP and SQL loads, so both sides are summarised alike.

export interface LoadStats {
  /** Completed requests (or queries). */
  count: number;
  /** Answers that were not the expected status (HTTP) or threw (SQL). */
  errors: number;
  p50Ms: number;
  p95Ms: number;
  /** Completed per second over the measured window. */
  perSecond: number;
}

/** The value at quantile q (0..1) of sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarise(latenciesMs: number[], errors: number, seconds: number): LoadStats {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    errors,
    p50Ms: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    perSecond: round(sorted.length / seconds),
  };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `value` to `digits` significant digits (ratios span 0.01 to 20: fixed decimals would not do). */
export function significant(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}
