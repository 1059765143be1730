// The whole analyst view as plain data, and its round trip through the URL's query string, so a
// view can be shared by copying the address. Unknown or malformed parameters are dropped (a
// hand-edited link never breaks the page); defaults are left out of the URL to keep it short.
import {
  agencies,
  countries,
  goals,
  isCode,
  programLines,
  programStatuses,
  threats,
  type Agency,
  type CountryCode,
  type Goal,
  type ProgramLine,
  type ProgramStatus,
  type Threat,
} from '@atlas/domain';

export const LAYER_KEYS = [
  'sites',
  'corridors',
  'communities',
  'heatmap',
  'hexbins',
  'borders',
  'labels',
] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export const DEFAULT_LAYERS: readonly LayerKey[] = ['sites', 'corridors', 'borders', 'labels'];

/** How communities are graduated. */
export type CommunityMeasure = 'homicideRate' | 'population';

export interface ViewFilters {
  country: CountryCode[];
  line: ProgramLine[];
  goal: Goal[];
  agency: Agency[];
  status: ProgramStatus[];
  /** Fiscal years, inclusive; null = open. */
  fyFrom: number | null;
  fyTo: number | null;
}

/** The time slider: off, or a step over months (`2021-03`) or fiscal years (`2021`). */
export interface TimeState {
  unit: 'month' | 'fy';
  /** The step shown; null = the slider is off and every date is shown. */
  at: string | null;
}

export interface MapPosition {
  lng: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  layers: LayerKey[];
  communityMeasure: CommunityMeasure;
  /** Corridors carrying this threat only; null = every corridor. */
  threat: Threat | null;
  filters: ViewFilters;
  time: TimeState;
  position: MapPosition | null;
}

export const EMPTY_FILTERS: ViewFilters = {
  country: [],
  line: [],
  goal: [],
  agency: [],
  status: [],
  fyFrom: null,
  fyTo: null,
};

export const DEFAULT_VIEW: ViewState = {
  layers: [...DEFAULT_LAYERS],
  communityMeasure: 'homicideRate',
  threat: null,
  filters: EMPTY_FILTERS,
  time: { unit: 'fy', at: null },
  position: null,
};

const FY_MIN = 2000;
const FY_MAX = 2100;

function list(params: URLSearchParams, key: string): string[] {
  const value = params.get(key);
  return value ? value.split(',').filter((part) => part !== '') : [];
}

function codes<Code extends string | number>(
  values: string[],
  isValid: (value: unknown) => value is Code,
  convert: (value: string) => unknown = (value) => value,
): Code[] {
  const out: Code[] = [];
  for (const raw of values) {
    const value = convert(raw);
    if (isValid(value) && !out.includes(value)) out.push(value);
  }
  return out;
}

function fiscalYear(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= FY_MIN && year <= FY_MAX ? year : null;
}

function finite(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : null;
}

function position(value: string | null): MapPosition | null {
  if (!value) return null;
  const [lng, lat, zoom] = value.split(',');
  const parsed = [finite(lng, -180, 180), finite(lat, -90, 90), finite(zoom, 0, 22)];
  if (parsed.some((part) => part === null)) return null;
  const [x, y, z] = parsed as number[];
  return { lng: x!, lat: y!, zoom: z! };
}

function timeAt(unit: TimeState['unit'], value: string | null): string | null {
  if (!value) return null;
  if (unit === 'fy') return fiscalYear(value) === null ? null : value;
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const month = Number(match[2]);
  return fiscalYear(match[1]!) !== null && month >= 1 && month <= 12 ? value : null;
}

/** Read a view from a query string (`?layers=sites,corridors&country=GT&at=2021…`). */
export function parseView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const layerParam = params.get('layers');
  const layers =
    layerParam === null
      ? [...DEFAULT_LAYERS]
      : codes<LayerKey>(list(params, 'layers'), (v): v is LayerKey =>
          LAYER_KEYS.includes(v as LayerKey),
        );
  const unit = params.get('unit') === 'month' ? 'month' : 'fy';
  let fyFrom = fiscalYear(params.get('fyFrom'));
  let fyTo = fiscalYear(params.get('fyTo'));
  if (fyFrom !== null && fyTo !== null && fyFrom > fyTo) [fyFrom, fyTo] = [fyTo, fyFrom];
  return {
    layers,
    communityMeasure: params.get('measure') === 'population' ? 'population' : 'homicideRate',
    threat: isCode(threats, params.get('threat')) ? (params.get('threat') as Threat) : null,
    filters: {
      country: codes(list(params, 'country'), (v): v is CountryCode => isCode(countries, v)),
      line: codes(list(params, 'line'), (v): v is ProgramLine => isCode(programLines, v)),
      goal: codes(list(params, 'goal'), (v): v is Goal => isCode(goals, v), Number),
      agency: codes(list(params, 'agency'), (v): v is Agency => isCode(agencies, v)),
      status: codes(list(params, 'status'), (v): v is ProgramStatus => isCode(programStatuses, v)),
      fyFrom,
      fyTo,
    },
    time: { unit, at: timeAt(unit, params.get('at')) },
    position: position(params.get('map')),
  };
}

function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** Write a view as a query string (without `?`); the inverse of parseView. */
export function serializeView(view: ViewState): string {
  const params = new URLSearchParams();
  const sameLayers =
    view.layers.length === DEFAULT_LAYERS.length &&
    DEFAULT_LAYERS.every((layer) => view.layers.includes(layer));
  if (!sameLayers)
    params.set('layers', LAYER_KEYS.filter((k) => view.layers.includes(k)).join(','));
  if (view.communityMeasure !== 'homicideRate') params.set('measure', view.communityMeasure);
  if (view.threat) params.set('threat', view.threat);
  const { filters } = view;
  for (const key of ['country', 'line', 'goal', 'agency', 'status'] as const) {
    if (filters[key].length > 0) params.set(key, filters[key].join(','));
  }
  if (filters.fyFrom !== null) params.set('fyFrom', String(filters.fyFrom));
  if (filters.fyTo !== null) params.set('fyTo', String(filters.fyTo));
  if (view.time.unit !== 'fy') params.set('unit', view.time.unit);
  if (view.time.at !== null) params.set('at', view.time.at);
  if (view.position) {
    const { lng, lat, zoom } = view.position;
    params.set('map', `${round(lng, 4)},${round(lat, 4)},${round(zoom, 2)}`);
  }
  // Commas are safe in a query string and keep shared links readable.
  return params.toString().replaceAll('%2C', ',');
}

/** Whether any filter narrows the data. */
export function hasFilters(filters: ViewFilters): boolean {
  return (
    filters.country.length +
      filters.line.length +
      filters.goal.length +
      filters.agency.length +
      filters.status.length >
      0 ||
    filters.fyFrom !== null ||
    filters.fyTo !== null
  );
}
