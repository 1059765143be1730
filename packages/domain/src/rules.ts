import { type FundingAccount, type FundingStage } from './codes';
import type { Problem } from './validation-errors';
import type { FundingRow, Indicator } from './schemas';

/**
 * Rules across fields that JSON Schema cannot state. They take the fields they need, so they
 * work on a create input, on a full record and on a record merged with a patch.
 */

export interface ProgramRuleFields {
  startDate?: string;
  endDate?: string | null;
  goals?: readonly (string | number)[];
  countries?: readonly string[];
  funding?: readonly FundingRow[];
  indicators?: readonly Indicator[];
}

export function checkProgramRules(input: ProgramRuleFields): Problem[] {
  return [
    ...checkPeriod(
      input.startDate,
      input.endDate,
      '/endDate',
      'endDate must not be before startDate',
    ),
    ...checkNonEmptyUnique(input.goals, '/goals', 'goal'),
    ...checkNonEmptyUnique(input.countries, '/countries', 'country'),
    ...checkFundingRows(input.funding ?? []),
    ...checkIndicatorCodes(input.indicators ?? []),
  ];
}

export interface CorridorRuleFields {
  validFrom?: string;
  validTo?: string | null;
  threats?: readonly string[];
}

export function checkCorridorRules(input: CorridorRuleFields): Problem[] {
  return [
    ...checkPeriod(
      input.validFrom,
      input.validTo,
      '/validTo',
      'validTo must not be before validFrom',
    ),
    ...checkNonEmptyUnique(input.threats, '/threats', 'threat'),
  ];
}

// `YYYY-MM-DD` strings compare correctly as text.
function checkPeriod(
  start: string | undefined,
  end: string | null | undefined,
  path: string,
  message: string,
): Problem[] {
  return start !== undefined && end != null && end < start ? [{ path, message }] : [];
}

function checkNonEmptyUnique(
  values: readonly (string | number)[] | undefined,
  path: string,
  noun: string,
): Problem[] {
  if (values === undefined) return [];
  if (values.length === 0) return [{ path, message: `at least one ${noun} is required` }];
  const problems: Problem[] = [];
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index) {
      problems.push({ path: `${path}/${index}`, message: `duplicate ${noun} ${value}` });
    }
  });
  return problems;
}

const stageOrder: readonly FundingStage[] = ['committed', 'obligated', 'disbursed'];

/** One row per fiscalYear × account × stage; disbursed ≤ obligated ≤ committed where present. */
export function checkFundingRows(funding: readonly FundingRow[]): Problem[] {
  const problems: Problem[] = [];
  const amounts = new Map<string, Partial<Record<FundingStage, number>>>();
  funding.forEach((row, index) => {
    const key = `${row.fiscalYear}|${row.account}`;
    const stages = amounts.get(key) ?? {};
    if (stages[row.stage] !== undefined) {
      problems.push({
        path: `/funding/${index}`,
        message: `duplicate funding row for FY${row.fiscalYear} ${row.account} ${row.stage}`,
      });
      return;
    }
    stages[row.stage] = row.amountUsd;
    amounts.set(key, stages);
  });
  for (const [key, stages] of amounts) {
    const [fiscalYear, account] = key.split('|') as [string, FundingAccount];
    for (let i = 1; i < stageOrder.length; i += 1) {
      const later = stageOrder[i]!;
      const laterAmount = stages[later];
      if (laterAmount === undefined) continue;
      // Compare with the nearest earlier stage that has a row.
      const earlier = stageOrder
        .slice(0, i)
        .reverse()
        .find((stage) => stages[stage] !== undefined);
      if (earlier === undefined) continue;
      if (laterAmount > stages[earlier]!) {
        const index = funding.findIndex(
          (row) =>
            String(row.fiscalYear) === fiscalYear && row.account === account && row.stage === later,
        );
        problems.push({
          path: `/funding/${index}/amountUsd`,
          message: `FY${fiscalYear} ${account}: ${later} exceeds ${earlier}`,
        });
      }
    }
  }
  return problems;
}

function checkIndicatorCodes(indicators: readonly Indicator[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  indicators.forEach((indicator, index) => {
    if (seen.has(indicator.code)) {
      problems.push({
        path: `/indicators/${index}/code`,
        message: `duplicate indicator code ${indicator.code}`,
      });
    }
    seen.add(indicator.code);
  });
  return problems;
}
