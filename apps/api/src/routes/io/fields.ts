// The flat fields of each importable collection: how a file's column (or a GeoJSON feature's
// property) becomes a value of the domain `…Input`, and which code list names a code when a CSV
// is exported with names beside the codes. Which fields there are, and their order, is the
// domain's list (IMPORT_FIELDS, shared with the admin app); the domain schemas still decide what
// is valid; this only converts text to the types the schemas expect.
import {
  agencies,
  confidenceLevels,
  corridorModes,
  countries,
  fundingAccounts,
  fundingStages,
  geoPrecisions,
  goals,
  IMPORT_COLLECTIONS,
  IMPORT_FIELDS,
  importHasGeometry,
  importTargetsOf,
  incidentKinds,
  isImportCollection,
  programLines,
  programStatuses,
  threats,
  type CodeEntry,
  type EntityType,
  type ImportCollection,
  type ImportField,
} from '@atlas/domain';

export const COLLECTIONS = IMPORT_COLLECTIONS;
export type Collection = ImportCollection;

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

type FieldDetails = Omit<FieldSpec, 'name'>;

/**
 * A collection's spec: its fields in the domain's order (its input schema's flat fields), each
 * with its details here. The type asks for exactly those fields, so a field added to a schema
 * needs its conversion here before the API compiles.
 */
function spec<C extends Collection>(
  collection: C,
  entityType: EntityType,
  details: Record<ImportField<C>, FieldDetails>,
): CollectionSpec {
  const fields: readonly ImportField<C>[] = IMPORT_FIELDS[collection];
  return {
    entityType,
    noun: entityType,
    geometry: importHasGeometry(collection),
    fields: fields.map((name) => ({ name, ...details[name] })),
  };
}

const text: FieldDetails = { kind: 'text' };
const date: FieldDetails = { kind: 'date' };
const integer: FieldDetails = { kind: 'integer' };
const illustrative: FieldDetails = { kind: 'boolean' };
const source: FieldDetails = text;
const description: FieldDetails = { kind: 'text', nullable: true };

// Each collection's details by field name, alphabetically: the fields' order is the domain's.
export const COLLECTION_SPECS: Readonly<Record<Collection, CollectionSpec>> = {
  programs: spec('programs', 'program', {
    agency: { kind: 'text', codes: agencies },
    code: text,
    countries: { kind: 'list', codes: countries },
    endDate: { kind: 'date', nullable: true },
    funding: { kind: 'funding' },
    goals: { kind: 'integerList', codes: goals },
    illustrative,
    indicators: { kind: 'json' },
    line: { kind: 'text', codes: programLines },
    partners: { kind: 'list' },
    source: { ...source, nullable: true },
    startDate: date,
    status: { kind: 'text', codes: programStatuses },
    summary: text,
    summaryEs: text,
    title: text,
    titleEs: text,
  }),
  sites: spec('sites', 'site', {
    description,
    illustrative,
    name: text,
    precision: { kind: 'integer', codes: geoPrecisions },
    // A program id, a program code, or the external id of a program imported from the source.
    program: { kind: 'text', aliases: ['programId', 'programCode'] },
  }),
  corridors: spec('corridors', 'corridor', {
    confidence: { kind: 'text', codes: confidenceLevels },
    description,
    illustrative,
    mode: { kind: 'text', codes: corridorModes },
    name: text,
    source,
    threats: { kind: 'list', codes: threats },
    validFrom: date,
    validTo: { kind: 'date', nullable: true },
  }),
  communities: spec('communities', 'community', {
    country: { kind: 'text', codes: countries },
    department: { kind: 'text', nullable: true },
    homicideRate: { kind: 'number' },
    illustrative,
    name: text,
    population: integer,
    source,
    year: integer,
  }),
  incidents: spec('incidents', 'incident', {
    country: { kind: 'text', codes: countries },
    description,
    illustrative,
    kind: { kind: 'text', codes: incidentKinds },
    occurredOn: { kind: 'date', aliases: ['date'] },
    quantity: { kind: 'number', nullable: true },
    source,
    threat: { kind: 'text', nullable: true, codes: threats },
    unit: { kind: 'text', nullable: true },
  }),
};

/** Mapping targets beyond the fields: the row's external id and where its geometry is. */
export const SPECIAL_TARGETS = {
  externalId: ['externalId', 'id', 'iatiIdentifier'],
  longitude: ['longitude', 'lon', 'lng', 'x'],
  latitude: ['latitude', 'lat', 'y'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom'],
} as const;

export const isCollection = isImportCollection;

/** Every mapping target of a collection (fields, external id, geometry columns). */
export const targetsOf = importTargetsOf;

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
