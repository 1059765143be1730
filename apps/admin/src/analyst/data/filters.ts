// The shared filters turned into query parameters, per consumer: the API's program list, the
// vector tiles and the GeoJSON lists accept different subsets (docs/api.md, docs/tiles.md).
import { fiscalYearOf, fiscalYearRange } from '@atlas/domain';
import type { TimeState, ViewFilters } from '../view/view-state';

export type Query = Record<string, string>;

function joined(values: readonly (string | number)[]): string | undefined {
  return values.length > 0 ? values.join(',') : undefined;
}

function compact(entries: Record<string, string | undefined>): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}

/** `GET /api/v1/programs` filters (every shared filter applies to programs). */
export function programQuery(filters: ViewFilters): Query {
  return compact({
    country: joined(filters.country),
    line: joined(filters.line),
    goal: joined(filters.goal),
    agency: joined(filters.agency),
    status: joined(filters.status),
    fyFrom: filters.fyFrom === null ? undefined : String(filters.fyFrom),
    fyTo: filters.fyTo === null ? undefined : String(filters.fyTo),
  });
}

/** The first and last day of the time slider's step, or nulls when the slider is off. */
export function timeRange(time: TimeState): { from: string | null; to: string | null } {
  if (time.at === null) return { from: null, to: null };
  if (time.unit === 'fy') {
    const { start, end } = fiscalYearRange(Number(time.at));
    return { from: start, to: end };
  }
  const [year, month] = time.at.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${time.at}-01`, to: `${time.at}-${String(last).padStart(2, '0')}` };
}

/** The one value of a filter, when exactly one is chosen (tile filters take a single value). */
function single(values: readonly (string | number)[]): string | undefined {
  return values.length === 1 ? String(values[0]) : undefined;
}

/**
 * The filters a layer's tiles apply on the server (docs/tiles.md): single values only, and only
 * those the layer understands (any other is a 400). Choices of several values, and the exact
 * period of the time step, are applied in the browser on top (see DataLayers).
 */
export function tileQuery(
  layer: 'sites' | 'corridors' | 'communities' | 'incidents',
  filters: ViewFilters,
  time: TimeState,
): Query {
  const country = single(filters.country);
  if (layer === 'corridors' || layer === 'communities') return compact({ country });
  const { from, to } = timeRange(time);
  if (layer === 'incidents') {
    return compact({ country, from: from ?? undefined, to: to ?? undefined });
  }
  // Sites: the time step narrows the fiscal years to the step's (programs running then).
  let fyFrom = filters.fyFrom;
  let fyTo = filters.fyTo;
  if (from && to) {
    const stepFrom = fiscalYearOf(from);
    const stepTo = fiscalYearOf(to);
    fyFrom = fyFrom === null ? stepFrom : Math.max(fyFrom, stepFrom);
    fyTo = fyTo === null ? stepTo : Math.min(fyTo, stepTo);
  }
  if (fyFrom !== null && fyTo !== null && fyFrom > fyTo) fyTo = fyFrom;
  return compact({
    country,
    line: single(filters.line),
    goal: single(filters.goal),
    status: single(filters.status),
    agency: single(filters.agency),
    fyFrom: fyFrom === null ? undefined : String(fyFrom),
    fyTo: fyTo === null ? undefined : String(fyTo),
  });
}

export function toSearch(query: Query): string {
  const text = new URLSearchParams(query).toString().replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
}

/** Whether a program with this period is running at some time in [from, to]. */
export function runsDuring(
  program: { startDate: string; endDate: string | null },
  from: string | null,
  to: string | null,
): boolean {
  if (!from || !to) return true;
  return program.startDate <= to && (program.endDate === null || program.endDate >= from);
}
