// How much of a program's funding belongs to a country or a department. A program's rows are
// split equally among its countries (alphabetical; exact dollars), and a country's share among
// the departments of the program's sites in that country, by number of sites. A share with no
// site to go to stays at country level. So country shares add up to the program's rows, and the
// departments' shares (plus what stays at country level) to the country's share.
import type { FundingRow } from '../schemas';
import { fundingShare } from './funding-share';

export type SummaryScope =
  | { kind: 'region' }
  | { kind: 'country'; code: string }
  | { kind: 'department'; code: string; country: string };

export interface FundedProgram {
  countries: readonly string[];
  funding: readonly FundingRow[];
  /** Where the program's sites are (derived from the boundaries; null outside them). */
  sites: readonly { country: string | null; department: string | null }[];
}

/** The program's rows attributed to the scope ([] when none of it is there). */
export function attributeFunding(program: FundedProgram, scope: SummaryScope): FundingRow[] {
  if (scope.kind === 'region') return program.funding.map((row) => ({ ...row }));
  const country = scope.kind === 'country' ? scope.code : scope.country;
  const countries = [...new Set(program.countries)].sort();
  const countryIndex = countries.indexOf(country);
  if (countryIndex < 0) return [];
  const countryRows = fundingShare(
    program.funding,
    countries.map(() => 1),
    countryIndex,
  );
  if (scope.kind === 'country') return countryRows;
  const siteCounts = new Map<string, number>();
  for (const site of program.sites) {
    if (site.country !== country || site.department === null) continue;
    siteCounts.set(site.department, (siteCounts.get(site.department) ?? 0) + 1);
  }
  const departments = [...siteCounts.keys()].sort();
  const departmentIndex = departments.indexOf(scope.code);
  if (departmentIndex < 0) return [];
  return fundingShare(
    countryRows,
    departments.map((code) => siteCounts.get(code)!),
    departmentIndex,
  );
}
