/** Calendar dates as `YYYY-MM-DD` strings, handled in UTC so results never depend on the time zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2011-02-30, 2010-13-01). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear undoes that.
  date.setUTCFullYear(year);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The UTC calendar date of a Date, as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/**
 * Reads a `YYYY-MM-DD` date or an ISO 8601 date-time string (or a Date) as a UTC instant.
 * Throws a RangeError for anything else, so callers never compute with NaN.
 */
export function parseDateInput(input: string | Date): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('Invalid Date');
    return input;
  }
  if (ISO_DATE.test(input)) {
    if (!isIsoDate(input)) throw new RangeError(`Not a calendar date: ${input}`);
    return new Date(`${input}T00:00:00Z`);
  }
  // Only full ISO 8601 date-times with an explicit zone: no locale-dependent parsing.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(input)) {
    const date = new Date(input);
    if (!Number.isNaN(date.getTime()) && isIsoDate(input.slice(0, 10))) return date;
  }
  throw new RangeError(`Not an ISO 8601 date: ${input}`);
}
