// Unions and complements of intervals along a line (metres).
import type { Interval } from './segment-reach';

/** Sorted, non-overlapping union; touching intervals are joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Interval[] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The parts of [start, end] not covered by the merged intervals. */
export function complementIntervals(
  merged: readonly Interval[],
  start: number,
  end: number,
): Interval[] {
  const gaps: Interval[] = [];
  let cursor = start;
  for (const [from, to] of merged) {
    if (to <= start || from >= end) continue;
    if (from > cursor) gaps.push([cursor, Math.min(from, end)]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < end) gaps.push([cursor, end]);
  return gaps;
}

export function intervalsLength(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, [from, to]) => sum + (to - from), 0);
}
