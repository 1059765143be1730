import { parseDateInput } from './dates';

/** Date range of a US fiscal year, inclusive, as `YYYY-MM-DD`. */
export interface FiscalYearRange {
  start: string;
  end: string;
}

const MIN_FISCAL_YEAR = 1;
const MAX_FISCAL_YEAR = 9999;

/** The US fiscal year of a date: FY N runs from 1 October N-1 to 30 September N (UTC). */
export function fiscalYearOf(date: string | Date): number {
  const instant = parseDateInput(date);
  const year = instant.getUTCFullYear();
  // getUTCMonth is 0-based: 9 is October, the first month of the next fiscal year.
  return instant.getUTCMonth() >= 9 ? year + 1 : year;
}

/** First and last day of fiscal year `fy`. */
export function fiscalYearRange(fy: number): FiscalYearRange {
  if (!Number.isInteger(fy) || fy < MIN_FISCAL_YEAR || fy > MAX_FISCAL_YEAR) {
    throw new RangeError(`Not a fiscal year: ${fy}`);
  }
  return { start: `${pad4(fy - 1)}-10-01`, end: `${pad4(fy)}-09-30` };
}

/** Every fiscal year touched by the period from `startDate` to `endDate`, inclusive, ascending. */
export function fiscalYearsBetween(startDate: string | Date, endDate: string | Date): number[] {
  const start = parseDateInput(startDate);
  const end = parseDateInput(endDate);
  if (end.getTime() < start.getTime()) {
    throw new RangeError('endDate is before startDate');
  }
  const years: number[] = [];
  for (let fy = fiscalYearOf(start); fy <= fiscalYearOf(end); fy += 1) years.push(fy);
  return years;
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}
