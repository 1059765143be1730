// Funding of a set of programs broken down by line, goal, account and fiscal year. Every
// breakdown but `byGoal` adds up to `totals` (a program with two goals counts under both).
import { goals, programLines, type Goal, type ProgramLine } from '../codes';
import type { FundingRow } from '../schemas';
import { fundingByAccount, fundingByFiscalYear, programTotals, type StageTotals } from '../totals';

export interface ProgramFunding {
  line: ProgramLine;
  goals: readonly Goal[];
  /** The rows that count here (e.g. attributed to a country). */
  funding: readonly FundingRow[];
}

export interface FundingSummary {
  totals: StageTotals;
  byLine: { line: ProgramLine; totals: StageTotals }[];
  byGoal: { goal: Goal; totals: StageTotals }[];
  byAccount: ReturnType<typeof fundingByAccount>;
  byFiscalYear: ReturnType<typeof fundingByFiscalYear>;
}

export function fundingSummary(programs: readonly ProgramFunding[]): FundingSummary {
  const rows = programs.flatMap((program) => program.funding);
  const rowsOf = (keep: (program: ProgramFunding) => boolean) =>
    programs.filter(keep).flatMap((program) => program.funding);
  return {
    totals: programTotals(rows),
    byLine: programLines
      .map((line) => ({ line: line.code, rows: rowsOf((program) => program.line === line.code) }))
      .filter((entry) => entry.rows.length > 0)
      .map(({ line, rows: lineRows }) => ({ line, totals: programTotals(lineRows) })),
    byGoal: goals
      .map((goal) => ({
        goal: goal.code,
        rows: rowsOf((program) => program.goals.includes(goal.code)),
      }))
      .filter((entry) => entry.rows.length > 0)
      .map(({ goal, rows: goalRows }) => ({ goal, totals: programTotals(goalRows) })),
    byAccount: fundingByAccount(rows),
    byFiscalYear: fundingByFiscalYear(rows),
  };
}

/** Dollars per person for each stage; null without a population. */
export function perInhabitant(totals: StageTotals, population: number | null): StageTotals | null {
  if (!population || population <= 0) return null;
  return {
    committed: totals.committed / population,
    obligated: totals.obligated / population,
    disbursed: totals.disbursed / population,
  };
}
