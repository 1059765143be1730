import { fundingAccounts, fundingStages, type FundingAccount, type FundingStage } from './codes';
import type { FundingRow } from './schemas';

/** Dollars per funding stage. Derived from the rows on demand, never stored. */
export type StageTotals = Record<FundingStage, number>;

function emptyStageTotals(): StageTotals {
  return Object.fromEntries(fundingStages.map((stage) => [stage.code, 0])) as StageTotals;
}

/** Total dollars by stage over all fiscal years and accounts. */
export function programTotals(funding: readonly FundingRow[]): StageTotals {
  const totals = emptyStageTotals();
  for (const row of funding) totals[row.stage] += row.amountUsd;
  return totals;
}

/** Totals by stage for each fiscal year, ascending by year. */
export function fundingByFiscalYear(
  funding: readonly FundingRow[],
): { fiscalYear: number; totals: StageTotals }[] {
  const byYear = new Map<number, StageTotals>();
  for (const row of funding) {
    const totals = byYear.get(row.fiscalYear) ?? emptyStageTotals();
    totals[row.stage] += row.amountUsd;
    byYear.set(row.fiscalYear, totals);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, totals]) => ({ fiscalYear, totals }));
}

/** Totals by stage for each account, in code-list order, accounts without rows left out. */
export function fundingByAccount(
  funding: readonly FundingRow[],
): { account: FundingAccount; totals: StageTotals }[] {
  return fundingAccounts
    .map((account) => {
      const rows = funding.filter((row) => row.account === account.code);
      return rows.length > 0 ? { account: account.code, totals: programTotals(rows) } : null;
    })
    .filter((entry) => entry !== null);
}
