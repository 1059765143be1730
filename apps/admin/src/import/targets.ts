// What a file can be imported into, and the mapping targets of each collection: the fields of
// the API's import (apps/api/src/routes/io/fields.ts, listed in docs/import-export.md), the
// external id and the geometry columns. The API checks them again and names any unknown one.

export const IMPORT_COLLECTIONS = [
  'programs',
  'sites',
  'corridors',
  'communities',
  'incidents',
] as const;
export type ImportCollection = (typeof IMPORT_COLLECTIONS)[number];

export const IMPORT_FORMATS = ['csv', 'geojson', 'iati'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const FIELDS: Record<ImportCollection, readonly string[]> = {
  programs: [
    'code',
    'title',
    'titleEs',
    'summary',
    'summaryEs',
    'line',
    'goals',
    'countries',
    'agency',
    'partners',
    'status',
    'startDate',
    'endDate',
    'funding',
    'indicators',
    'source',
    'illustrative',
  ],
  sites: ['program', 'name', 'precision', 'description', 'illustrative'],
  corridors: [
    'name',
    'mode',
    'threats',
    'confidence',
    'source',
    'validFrom',
    'validTo',
    'description',
    'illustrative',
  ],
  communities: [
    'name',
    'country',
    'department',
    'population',
    'homicideRate',
    'year',
    'source',
    'illustrative',
  ],
  incidents: [
    'kind',
    'occurredOn',
    'country',
    'threat',
    'quantity',
    'unit',
    'description',
    'source',
    'illustrative',
  ],
};

/** Every mapping target of a collection, in the order the form lists them. */
export function targetsOf(collection: ImportCollection): string[] {
  const geometry = collection === 'programs' ? [] : ['longitude', 'latitude', 'wkt'];
  return ['externalId', ...FIELDS[collection], ...geometry];
}

/** The format a file's name suggests (the user may still choose another). */
export function formatFromName(name: string): ImportFormat | undefined {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (extension === 'xml') return 'iati';
  return undefined;
}
