// The current selection as rows: the sites of the programs the filters keep, with names beside
// codes (a reader of the CSV should not need the code lists), in the columns the user chose.
import {
  countries,
  isCode,
  label,
  programLines,
  programStatuses,
  geoPrecisions,
  type Lang,
  type Program,
} from '@atlas/domain';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AnyCollection } from '../data/features';
import type { Cell } from './csv';

export const SITE_COLUMNS = [
  'siteName',
  'programCode',
  'programTitle',
  'line',
  'lineName',
  'status',
  'statusName',
  'country',
  'countryName',
  'department',
  'precision',
  'precisionName',
  'longitude',
  'latitude',
] as const;
export type SiteColumn = (typeof SITE_COLUMNS)[number];

export const DEFAULT_SITE_COLUMNS: SiteColumn[] = [
  'siteName',
  'programCode',
  'programTitle',
  'lineName',
  'statusName',
  'countryName',
  'longitude',
  'latitude',
];

type Props = Record<string, unknown>;

/** The filtered sites, each with its program's fields merged in. */
export function selectedSites(
  sites: AnyCollection,
  programs: readonly Program[],
  countryFilter: readonly string[],
): FeatureCollection<Geometry, Props> {
  const byId = new Map(programs.map((program) => [program.id, program]));
  const features: Feature<Geometry, Props>[] = [];
  for (const site of sites.features) {
    const program = byId.get(String(site.properties.programId));
    if (!program) continue;
    if (countryFilter.length > 0 && !countryFilter.includes(String(site.properties.country)))
      continue;
    features.push({
      ...site,
      properties: {
        ...site.properties,
        programCode: program.code,
        programTitle: program.title,
        programTitleEs: program.titleEs,
        status: program.status,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

function anchor(geometry: Geometry): [number, number] | [null, null] {
  if (geometry.type === 'Point') return [geometry.coordinates[0]!, geometry.coordinates[1]!];
  return [null, null];
}

function named(list: Parameters<typeof label>[0], value: unknown, lang: Lang): string {
  return isCode(list, value)
    ? label(list, value as never, lang)
    : typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : '';
}

export function siteCell(feature: Feature<Geometry, Props>, column: SiteColumn, lang: Lang): Cell {
  const p = feature.properties;
  const [lng, lat] = anchor(feature.geometry);
  switch (column) {
    case 'siteName':
      return p.name as string;
    case 'programCode':
      return p.programCode as string;
    case 'programTitle':
      return (lang === 'es' ? p.programTitleEs : p.programTitle) as string;
    case 'line':
      return p.line as string;
    case 'lineName':
      return named(programLines, p.line, lang);
    case 'status':
      return p.status as string;
    case 'statusName':
      return named(programStatuses, p.status, lang);
    case 'country':
      return p.country as string | null;
    case 'countryName':
      return named(countries, p.country, lang);
    case 'department':
      return p.department as string | null;
    case 'precision':
      return p.precision as number;
    case 'precisionName':
      return named(geoPrecisions, p.precision, lang);
    case 'longitude':
      return lng;
    case 'latitude':
      return lat;
  }
}
