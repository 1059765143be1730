// The flat fields of each importable collection: how a file's column (or a GeoJSON feature's
// property) becomes a value of the domain `…Input`, and which code list names a code when a CSV
// is exported with names beside the codes. The domain schemas still decide what is valid; this
// only converts text to the types the schemas expect.
import {
  agencies,
  confidenceLevels,
  corridorModes,
  countries,
  fundingAccounts,
  fundingStages,
  geoPrecisions,
  goals,
  incidentKinds,
  programLines,
  programStatuses,
  threats,
  type CodeEntry,
  type EntityType,
} from '@atlas/domain';

export const COLLECTIONS = ['programs', 'sites', 'corridors', 'communities', 'incidents'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export type FieldKind =
  'text' | 'number' | 'integer' | 'boolean' | 'date' | 'list' | 'integerList' | 'funding' | 'json';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** An empty cell means null (clears the value) rather than "not given". */
  nullable?: boolean;
  /** The code list whose labels an export writes beside the codes (`<column>_name`). */
  codes?: readonly CodeEntry[];
  /** Other column names that map to this field by default (compared without case or `_`). */
  aliases?: readonly string[];
}

export interface CollectionSpec {
  entityType: EntityType;
  noun: string;
  fields: readonly FieldSpec[];
  /** Whether records carry a geometry (from lon/lat, WKT or a GeoJSON feature). */
  geometry: boolean;
}

const illustrative: FieldSpec = { name: 'illustrative', kind: 'boolean' };
const source: FieldSpec = { name: 'source', kind: 'text' };
const description: FieldSpec = { name: 'description', kind: 'text', nullable: true };

export const COLLECTION_SPECS: Readonly<Record<Collection, CollectionSpec>> = {
  programs: {
    entityType: 'program',
    noun: 'program',
    geometry: false,
    fields: [
      { name: 'code', kind: 'text' },
      { name: 'title', kind: 'text' },
      { name: 'titleEs', kind: 'text' },
      { name: 'summary', kind: 'text' },
      { name: 'summaryEs', kind: 'text' },
      { name: 'line', kind: 'text', codes: programLines },
      { name: 'goals', kind: 'integerList', codes: goals },
      { name: 'countries', kind: 'list', codes: countries },
      { name: 'agency', kind: 'text', codes: agencies },
      { name: 'partners', kind: 'list' },
      { name: 'status', kind: 'text', codes: programStatuses },
      { name: 'startDate', kind: 'date' },
      { name: 'endDate', kind: 'date', nullable: true },
      { name: 'funding', kind: 'funding' },
      { name: 'indicators', kind: 'json' },
      { ...source, nullable: true },
      illustrative,
    ],
  },
  sites: {
    entityType: 'site',
    noun: 'site',
    geometry: true,
    fields: [
      // A program id, a program code, or the external id of a program imported from the source.
      { name: 'program', kind: 'text', aliases: ['programId', 'programCode'] },
      { name: 'name', kind: 'text' },
      { name: 'precision', kind: 'integer', codes: geoPrecisions },
      description,
      illustrative,
    ],
  },
  corridors: {
    entityType: 'corridor',
    noun: 'corridor',
    geometry: true,
    fields: [
      { name: 'name', kind: 'text' },
      { name: 'mode', kind: 'text', codes: corridorModes },
      { name: 'threats', kind: 'list', codes: threats },
      { name: 'confidence', kind: 'text', codes: confidenceLevels },
      source,
      { name: 'validFrom', kind: 'date' },
      { name: 'validTo', kind: 'date', nullable: true },
      description,
      illustrative,
    ],
  },
  communities: {
    entityType: 'community',
    noun: 'community',
    geometry: true,
    fields: [
      { name: 'name', kind: 'text' },
      { name: 'country', kind: 'text', codes: countries },
      { name: 'department', kind: 'text', nullable: true },
      { name: 'population', kind: 'integer' },
      { name: 'homicideRate', kind: 'number' },
      { name: 'year', kind: 'integer' },
      source,
      illustrative,
    ],
  },
  incidents: {
    entityType: 'incident',
    noun: 'incident',
    geometry: true,
    fields: [
      { name: 'kind', kind: 'text', codes: incidentKinds },
      { name: 'occurredOn', kind: 'date', aliases: ['date'] },
      { name: 'country', kind: 'text', codes: countries },
      { name: 'threat', kind: 'text', nullable: true, codes: threats },
      { name: 'quantity', kind: 'number', nullable: true },
      { name: 'unit', kind: 'text', nullable: true },
      description,
      source,
      illustrative,
    ],
  },
};

/** Mapping targets beyond the fields: the row's external id and where its geometry is. */
export const SPECIAL_TARGETS = {
  externalId: ['externalId', 'id', 'iatiIdentifier'],
  longitude: ['longitude', 'lon', 'lng', 'x'],
  latitude: ['latitude', 'lat', 'y'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom'],
} as const;

export function isCollection(value: string): value is Collection {
  return (COLLECTIONS as readonly string[]).includes(value);
}

/** Every mapping target of a collection (fields, external id, geometry columns). */
export function targetsOf(collection: Collection): string[] {
  const spec = COLLECTION_SPECS[collection];
  const geometry = spec.geometry ? ['longitude', 'latitude', 'wkt'] : [];
  return ['externalId', ...spec.fields.map((field) => field.name), ...geometry];
}

/** Column names compared loosely: `Occurred On`, `occurred_on` and `occurredOn` are one name. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The funding cell format: `2024/INCLE/committed=1500000; 2024/INCLE/disbursed=250000`. */
export function formatFunding(
  rows: readonly { fiscalYear: number; account: string; stage: string; amountUsd: number }[],
): string {
  return rows
    .map((row) => `${row.fiscalYear}/${row.account}/${row.stage}=${row.amountUsd}`)
    .join('; ');
}

export const FUNDING_CODES = { accounts: fundingAccounts, stages: fundingStages };
