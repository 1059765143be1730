// Funding and data-quality figures for the dashboard, from the filtered programs and their funding
// rows. The split among countries and the breakdowns are @atlas/domain's (attributeFunding,
// fundingSummary), the same code as GET /api/v1/analysis/summary, so a country's figures here
// equal that summary's for the country.
import {
  attributeFunding,
  fundingSummary,
  programTotals,
  type FundingRow,
  type Goal,
  type Program,
  type ProgramLine,
  type StageTotals,
} from '@atlas/domain';

export type { StageTotals };

/** What the dashboard needs of a program: its codes and funding rows. */
export interface FundedProgram {
  line: ProgramLine;
  goals: readonly Goal[];
  countries: readonly string[];
  funding: readonly FundingRow[];
}

/** The dashboard's narrowing of the rows: chosen countries and fiscal years (null = all). */
export interface FundingScope {
  countries: readonly string[];
  fyFrom: number | null;
  fyTo: number | null;
}

export interface FundingBreakdown {
  total: StageTotals;
  /** Sorted by committed dollars, largest first. */
  byCountry: { country: string; totals: StageTotals }[];
  byLine: { line: ProgramLine; totals: StageTotals }[];
  /** A program counts once under each of its goals (this breakdown does not add up). */
  byGoal: { goal: Goal; totals: StageTotals }[];
  byAccount: { account: string; totals: StageTotals }[];
  byYear: { fiscalYear: number; totals: StageTotals }[];
}

function inYears(row: FundingRow, scope: FundingScope): boolean {
  return (
    (scope.fyFrom === null || row.fiscalYear >= scope.fyFrom) &&
    (scope.fyTo === null || row.fiscalYear <= scope.fyTo)
  );
}

/** A program's rows in one country (its equal share, exact to the dollar). */
function countryRows(program: FundedProgram, country: string): FundingRow[] {
  return attributeFunding({ ...program, sites: [] }, { kind: 'country', code: country });
}

/**
 * The breakdowns of the programs' funding. With countries chosen, only their shares of each
 * program count (as in the summary of a country); with fiscal years chosen, only those rows.
 */
export function fundingBreakdown(
  programs: readonly FundedProgram[],
  scope: FundingScope,
): FundingBreakdown {
  const perCountry = new Map<string, FundingRow[]>();
  const counted = programs.map((program) => {
    const countries = new Set(program.countries);
    let rows: FundingRow[] = [];
    for (const country of [...countries].sort()) {
      if (scope.countries.length > 0 && !scope.countries.includes(country)) continue;
      const share = countryRows(program, country).filter((row) => inYears(row, scope));
      perCountry.set(country, [...(perCountry.get(country) ?? []), ...share]);
      rows = rows.concat(share);
    }
    return { line: program.line, goals: program.goals, funding: rows };
  });
  const summary = fundingSummary(counted);
  return {
    total: summary.totals,
    byCountry: [...perCountry]
      .map(([country, rows]) => ({ country, totals: programTotals(rows) }))
      .sort((a, b) => b.totals.committed - a.totals.committed),
    byLine: summary.byLine,
    byGoal: summary.byGoal,
    byAccount: summary.byAccount,
    byYear: summary.byFiscalYear,
  };
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
