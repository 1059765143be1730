// The steps of the time slider: fiscal years, or the months between two dates.
export function fiscalYearSteps(first: number, last: number): string[] {
  const steps: string[] = [];
  for (let fy = first; fy <= last; fy += 1) steps.push(String(fy));
  return steps;
}

/** `YYYY-MM` from the month of `from` to the month of `to`, inclusive. */
export function monthSteps(from: string, to: string): string[] {
  const steps: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard += 1) {
    const step = `${year}-${String(month).padStart(2, '0')}`;
    if (step > end) break;
    steps.push(step);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return steps;
}
