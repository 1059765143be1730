import type { FundingAccount, FundingRow } from '@atlas/domain';
import type { Random } from './prng';

/** Committed total of the sample at scale 1: the CARSI fact sheet's "about $165 million". */
export const COMMITTED_TOTAL_USD = 165_000_000;

/**
 * Account mix of the committed total. GAO-13-771 and GAO-13-295R show INCLE as the largest
 * account, then ESF, then FMF and NADR; the shares are illustrative, not GAO figures.
 */
export const ACCOUNT_SHARES: Readonly<Record<FundingAccount, number>> = {
  INCLE: 0.53,
  ESF: 0.26,
  FMF: 0.13,
  NADR: 0.08,
};

/** Amounts are whole thousands of dollars, as in the GAO tables. */
const UNIT = 1000;

/** First and last fiscal year of the sample's funding (CARSI FY2008–FY2013). */
export const FIRST_FY = 2008;
export const LAST_FY = 2013;

/**
 * Share obligated and disbursed by fiscal year as of mid-2013: older money is mostly spent,
 * recent money mostly not (GAO-13-771: ~$463M of ~$495M obligated, ~$189M disbursed).
 */
const OBLIGATED_SHARE: Readonly<Record<number, number>> = {
  2008: 1,
  2009: 0.99,
  2010: 0.97,
  2011: 0.95,
  2012: 0.9,
  2013: 0.7,
};
const DISBURSED_SHARE: Readonly<Record<number, number>> = {
  2008: 0.85,
  2009: 0.78,
  2010: 0.62,
  2011: 0.45,
  2012: 0.25,
  2013: 0.08,
};

/** Splits a whole number into whole parts proportional to the weights (largest remainder). */
export function splitInteger(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weights.length === 0 || weightSum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((sum, part) => sum + part, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index]! += 1;
    left -= 1;
  }
  return parts;
}

/** What the funding of one program depends on. */
export interface FundingPlan {
  /** Committed dollars per account (whole thousands). */
  committedByAccount: Partial<Record<FundingAccount, number>>;
  fiscalYears: number[];
  /** Planned programs have commitments only. */
  planned: boolean;
}

/** Splits each account's commitment over the fiscal years and derives the later stages. */
export function fundingRows(plan: FundingPlan, random: Random): FundingRow[] {
  const rows: FundingRow[] = [];
  const accounts = Object.keys(ACCOUNT_SHARES) as FundingAccount[];
  const yearWeights = plan.fiscalYears.map(() => random.float(0.5, 1.5));
  const byYear = new Map<number, FundingRow[]>();
  for (const account of accounts) {
    const committed = plan.committedByAccount[account];
    if (committed === undefined) continue;
    const parts = splitInteger(Math.round(committed / UNIT), yearWeights);
    plan.fiscalYears.forEach((fiscalYear, i) => {
      const committedUsd = parts[i]! * UNIT;
      const obligatedUsd = plan.planned
        ? 0
        : Math.floor((committedUsd * OBLIGATED_SHARE[fiscalYear]! * random.float(0.9, 1)) / UNIT) *
          UNIT;
      const disbursedUsd = plan.planned
        ? 0
        : Math.floor(
            (obligatedUsd * DISBURSED_SHARE[fiscalYear]! * random.float(0.8, 1.1)) / UNIT,
          ) * UNIT;
      const yearRows = byYear.get(fiscalYear) ?? [];
      yearRows.push(
        { fiscalYear, account, stage: 'committed', amountUsd: committedUsd },
        { fiscalYear, account, stage: 'obligated', amountUsd: obligatedUsd },
        {
          fiscalYear,
          account,
          stage: 'disbursed',
          amountUsd: Math.min(disbursedUsd, obligatedUsd),
        },
      );
      byYear.set(fiscalYear, yearRows);
    });
  }
  for (const fiscalYear of plan.fiscalYears) rows.push(...(byYear.get(fiscalYear) ?? []));
  return rows;
}

/**
 * Shares each account's total among the programs that draw on it, in whole thousands, so the
 * committed total is exact.
 */
export function allocateAccounts(
  programs: readonly { accounts: readonly FundingAccount[]; weight: number }[],
  totalUsd: number,
): Partial<Record<FundingAccount, number>>[] {
  const allocations: Partial<Record<FundingAccount, number>>[] = programs.map(() => ({}));
  const accountTotals = splitInteger(Math.round(totalUsd / UNIT), Object.values(ACCOUNT_SHARES));
  (Object.keys(ACCOUNT_SHARES) as FundingAccount[]).forEach((account, a) => {
    const users = programs.flatMap((program, index) =>
      program.accounts.includes(account) ? [index] : [],
    );
    const parts = splitInteger(
      accountTotals[a]!,
      users.map((index) => programs[index]!.weight),
    );
    users.forEach((index, u) => {
      allocations[index]![account] = parts[u]! * UNIT;
    });
  });
  return allocations;
}
