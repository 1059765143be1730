// One share of a program's funding rows, each row split exactly (see apportion).
import type { FundingRow } from '../schemas';
import { apportion } from './apportion';

/** The `index`-th part of every row when each is split in proportion to `weights`. */
export function fundingShare(
  rows: readonly FundingRow[],
  weights: readonly number[],
  index: number,
): FundingRow[] {
  return rows.map((row) => ({ ...row, amountUsd: apportion(row.amountUsd, weights)[index] ?? 0 }));
}
