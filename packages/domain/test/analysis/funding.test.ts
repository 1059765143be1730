import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportion,
  attributeFunding,
  countryPopulations,
  fundingSummary,
  perInhabitant,
  programTotals,
  type FundedProgram,
  type FundingRow,
} from '../../src';

const rows: FundingRow[] = [
  { fiscalYear: 2010, account: 'INCLE', stage: 'committed', amountUsd: 1_000_001 },
  { fiscalYear: 2011, account: 'ESF', stage: 'disbursed', amountUsd: 10 },
];
const regional: FundedProgram = {
  countries: ['PA', 'GT', 'HN'],
  funding: rows,
  sites: [
    { country: 'GT', department: 'GT-PE' },
    { country: 'GT', department: 'GT-PE' },
    { country: 'GT', department: 'GT-GU' },
    { country: 'HN', department: null },
  ],
};

describe('apportion', () => {
  it('splits whole dollars by largest remainder, ties to the earlier share', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(10, [2, 1])).toEqual([7, 3]);
    expect(apportion(5, [0, 0])).toEqual([5, 0]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('always adds up exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.every((part) => Number.isInteger(part) && part >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe('attributeFunding', () => {
  it('splits among countries, then among the departments of the sites', () => {
    const gt = attributeFunding(regional, { kind: 'country', code: 'GT' });
    const hn = attributeFunding(regional, { kind: 'country', code: 'HN' });
    const pa = attributeFunding(regional, { kind: 'country', code: 'PA' });
    // Alphabetical GT, HN, PA: the two extra dollars of 1,000,001 go to GT and HN.
    expect(gt.map((row) => row.amountUsd)).toEqual([333_334, 4]);
    expect(hn.map((row) => row.amountUsd)).toEqual([333_334, 3]);
    expect(pa.map((row) => row.amountUsd)).toEqual([333_333, 3]);
    const pe = attributeFunding(regional, { kind: 'department', code: 'GT-PE', country: 'GT' });
    const gu = attributeFunding(regional, { kind: 'department', code: 'GT-GU', country: 'GT' });
    expect(pe.map((row) => row.amountUsd)).toEqual([222_223, 3]);
    expect(gu.map((row) => row.amountUsd)).toEqual([111_111, 1]);
    expect(attributeFunding(regional, { kind: 'country', code: 'SV' })).toEqual([]);
    expect(
      attributeFunding(regional, { kind: 'department', code: 'HN-CR', country: 'HN' }),
    ).toEqual([]);
  });

  it('adds up to the program totals over its countries (property)', () => {
    const codes = ['BZ', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA'];
    fc.assert(
      fc.property(
        fc.subarray(codes, { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 5e9 }), { minLength: 1, maxLength: 6 }),
        (countries, amounts) => {
          const funding = amounts.map((amountUsd, i) => ({
            fiscalYear: 2008 + i,
            account: 'INCLE' as const,
            stage: 'committed' as const,
            amountUsd,
          }));
          const program: FundedProgram = { countries, funding, sites: [] };
          const sum = codes
            .flatMap((code) => attributeFunding(program, { kind: 'country', code }))
            .reduce((acc, row) => acc + row.amountUsd, 0);
          expect(sum).toBe(programTotals(funding).committed);
        },
      ),
    );
  });
});

describe('fundingSummary', () => {
  it('breaks down by line, goal, account and year; all but goals add up', () => {
    const summary = fundingSummary([
      { line: 'enforcement', goals: [1, 2], funding: rows },
      { line: 'prevention', goals: [4], funding: [{ ...rows[0]!, amountUsd: 5 }] },
    ]);
    expect(summary.totals).toEqual({ committed: 1_000_006, obligated: 0, disbursed: 10 });
    expect(summary.byLine.map((entry) => entry.line)).toEqual(['enforcement', 'prevention']);
    expect(summary.byGoal.map((entry) => entry.goal)).toEqual([1, 2, 4]);
    expect(summary.byAccount.map((entry) => entry.account)).toEqual(['INCLE', 'ESF']);
    expect(summary.byFiscalYear.map((entry) => entry.fiscalYear)).toEqual([2010, 2011]);
    const lineSum = summary.byLine.reduce((acc, entry) => acc + entry.totals.committed, 0);
    expect(lineSum).toBe(summary.totals.committed);
  });

  it('divides by the population, or gives null without one', () => {
    const totals = { committed: 322_453, obligated: 0, disbursed: 644_906 };
    expect(perInhabitant(totals, countryPopulations.BZ.value)).toEqual({
      committed: 1,
      obligated: 0,
      disbursed: 2,
    });
    expect(perInhabitant(totals, null)).toBeNull();
  });
});
