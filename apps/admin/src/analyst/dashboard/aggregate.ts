// Funding and data-quality figures for the dashboard, from the filtered programs. A program's
// funding is split among its countries in whole dollars (largest remainder, earlier code first),
// as the analysis API's summary does, so the countries add up to the total.
import type { FundingStage, Program } from '@atlas/domain';

export type StageTotals = Record<FundingStage, number>;

const zero = (): StageTotals => ({ committed: 0, obligated: 0, disbursed: 0 });

/** Split whole dollars into `parts` shares that add up exactly. */
export function splitDollars(amount: number, parts: number): number[] {
  const base = Math.floor(amount / parts);
  const remainder = amount - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

function add(map: Map<string, StageTotals>, key: string, stage: FundingStage, amount: number) {
  const totals = map.get(key) ?? zero();
  totals[stage] += amount;
  map.set(key, totals);
}

export interface FundingBreakdown {
  total: StageTotals;
  byCountry: Map<string, StageTotals>;
  byLine: Map<string, StageTotals>;
  byGoal: Map<string, StageTotals>;
  byAccount: Map<string, StageTotals>;
  byYear: Map<string, StageTotals>;
}

interface Row {
  stage: FundingStage;
  amountUsd: number;
  account?: string;
  fiscalYear?: number;
}

/**
 * A program's funding rows; the program list answers only each stage's `totals`, which then
 * stand in (without account or fiscal year).
 */
function rowsOf(program: Program): Row[] {
  const withRows = program as Partial<Pick<Program, 'funding'>>;
  if (withRows.funding) return withRows.funding;
  // Sums may arrive as strings (bigint columns).
  const totals =
    (program as { totals?: Partial<Record<FundingStage, number | string>> }).totals ?? {};
  return (['committed', 'obligated', 'disbursed'] as const).map((stage) => ({
    stage,
    amountUsd: Number(totals[stage] ?? 0),
  }));
}

/** `byGoal` counts a program's funding once under each of its goals (it does not add up). */
export function fundingBreakdown(programs: readonly Program[]): FundingBreakdown {
  const out: FundingBreakdown = {
    total: zero(),
    byCountry: new Map(),
    byLine: new Map(),
    byGoal: new Map(),
    byAccount: new Map(),
    byYear: new Map(),
  };
  for (const program of programs) {
    const countries = [...program.countries].sort();
    for (const row of rowsOf(program)) {
      const amount = row.amountUsd;
      out.total[row.stage] += amount;
      splitDollars(amount, countries.length).forEach((share, i) => {
        add(out.byCountry, countries[i]!, row.stage, share);
      });
      add(out.byLine, program.line, row.stage, amount);
      for (const goal of program.goals) add(out.byGoal, String(goal), row.stage, amount);
      if (row.account) add(out.byAccount, row.account, row.stage, amount);
      if (row.fiscalYear) add(out.byYear, String(row.fiscalYear), row.stage, amount);
    }
  }
  return out;
}

export interface CommunityFigures {
  population: number;
  /** Homicides per 100,000 at-risk inhabitants (population-weighted over the communities). */
  homicideRate: number;
}

export function communityFiguresByCountry(
  communities: readonly { country: string; population: number; homicideRate: number }[],
): Map<string, CommunityFigures> {
  const sums = new Map<string, { population: number; homicides: number }>();
  for (const { country, population, homicideRate } of communities) {
    const sum = sums.get(country) ?? { population: 0, homicides: 0 };
    sum.population += population;
    sum.homicides += (population * homicideRate) / 100_000;
    sums.set(country, sum);
  }
  return new Map(
    [...sums].map(([country, { population, homicides }]) => [
      country,
      { population, homicideRate: population > 0 ? (homicides / population) * 100_000 : 0 },
    ]),
  );
}

/** Programs with no site on the map: a data-quality gap. */
export function programsWithoutSites(
  programs: readonly Program[],
  siteProgramIds: ReadonlySet<string>,
): Program[] {
  return programs.filter((program) => !siteProgramIds.has(program.id));
}
