import { describe, expect, it } from 'vitest';
import { fundingByAccount, fundingByFiscalYear, programTotals, type FundingRow } from '../src';

const funding: FundingRow[] = [
  { fiscalYear: 2011, account: 'INCLE', stage: 'committed', amountUsd: 2500000 },
  { fiscalYear: 2011, account: 'INCLE', stage: 'disbursed', amountUsd: 1200000 },
  { fiscalYear: 2010, account: 'ESF', stage: 'committed', amountUsd: 808000 },
  { fiscalYear: 2011, account: 'ESF', stage: 'committed', amountUsd: 1304000 },
];

describe('programTotals', () => {
  it('sums by stage', () => {
    expect(programTotals(funding)).toEqual({
      committed: 4612000,
      obligated: 0,
      disbursed: 1200000,
    });
  });

  it('is zero for no rows', () => {
    expect(programTotals([])).toEqual({ committed: 0, obligated: 0, disbursed: 0 });
  });
});

describe('fundingByFiscalYear and fundingByAccount', () => {
  it('groups by year, ascending', () => {
    expect(fundingByFiscalYear(funding)).toEqual([
      { fiscalYear: 2010, totals: { committed: 808000, obligated: 0, disbursed: 0 } },
      { fiscalYear: 2011, totals: { committed: 3804000, obligated: 0, disbursed: 1200000 } },
    ]);
  });

  it('groups by account in code-list order', () => {
    expect(fundingByAccount(funding).map((entry) => entry.account)).toEqual(['INCLE', 'ESF']);
    expect(fundingByAccount(funding)[1]?.totals.committed).toBe(2112000);
  });
});
