// What a file can be imported into and the mapping targets of each collection, shared by the
// API's import (which converts and checks each field, apps/api/src/routes/io/fields.ts) and the
// admin app's mapping form. docs/import-export.md lists them for people.
import { CommunityInput } from '../schemas/community';
import { CorridorInput } from '../schemas/corridor';
import { IncidentInput } from '../schemas/incident';
import { ProgramInput } from '../schemas/program';
import { SiteInput } from '../schemas/site';

export const IMPORT_COLLECTIONS = [
  'programs',
  'sites',
  'corridors',
  'communities',
  'incidents',
] as const;
export type ImportCollection = (typeof IMPORT_COLLECTIONS)[number];

/** The input schema whose flat fields a collection's columns fill. */
const INPUTS = {
  programs: ProgramInput,
  sites: SiteInput,
  corridors: CorridorInput,
  communities: CommunityInput,
  incidents: IncidentInput,
} as const;

/** Not columns: the id is the record's own (a row names its external id); geometry has its own. */
type NotAField = 'id' | 'geometry';
const NOT_A_FIELD: readonly string[] = ['id', 'geometry'] satisfies NotAField[];
/** A site's program may be an id, a code or a source's external id, so the column is `program`. */
type Column<K> = K extends 'programId' ? 'program' : K;

/** A field of a collection's import (`ImportField<'sites'>` is 'program' | 'name' | …). */
export type ImportField<C extends ImportCollection> = Column<
  Exclude<keyof (typeof INPUTS)[C]['properties'] & string, NotAField>
>;

/**
 * The flat fields of a collection a column can map to: its input schema's, in their order. A
 * field added to the schema is importable, and the API's import asks for its conversion.
 */
function fieldsOf<C extends ImportCollection>(collection: C): readonly ImportField<C>[] {
  return Object.keys(INPUTS[collection].properties)
    .filter((key) => !NOT_A_FIELD.includes(key))
    .map((key) => (key === 'programId' ? 'program' : key) as ImportField<C>);
}

export const IMPORT_FIELDS: { readonly [C in ImportCollection]: readonly ImportField<C>[] } = {
  programs: fieldsOf('programs'),
  sites: fieldsOf('sites'),
  corridors: fieldsOf('corridors'),
  communities: fieldsOf('communities'),
  incidents: fieldsOf('incidents'),
};

/** The columns a row's geometry may come from (longitude and latitude, or WKT). */
export const IMPORT_GEOMETRY_TARGETS = ['longitude', 'latitude', 'wkt'] as const;

export function isImportCollection(value: string): value is ImportCollection {
  return (IMPORT_COLLECTIONS as readonly string[]).includes(value);
}

/** Whether a collection's records carry a geometry (every one but programs). */
export function importHasGeometry(collection: ImportCollection): boolean {
  return collection !== 'programs';
}

/** Every mapping target of a collection: the external id, its fields, its geometry columns. */
export function importTargetsOf(collection: ImportCollection): string[] {
  const geometry = importHasGeometry(collection) ? IMPORT_GEOMETRY_TARGETS : [];
  return ['externalId', ...IMPORT_FIELDS[collection], ...geometry];
}
