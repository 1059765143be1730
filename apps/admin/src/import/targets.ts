// What a file can be imported into and the mapping targets of each collection: the domain's list
// (packages/domain/src/io/import-fields.ts), which the API's import uses too. The API checks them
// again and names any unknown one.
import { IMPORT_COLLECTIONS, importTargetsOf, type ImportCollection } from '@atlas/domain';

export { IMPORT_COLLECTIONS, type ImportCollection };

export const IMPORT_FORMATS = ['csv', 'geojson', 'iati'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Every mapping target of a collection, in the order the form lists them. */
export const targetsOf = importTargetsOf;

/** The format a file's name suggests (the user may still choose another). */
export function formatFromName(name: string): ImportFormat | undefined {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (extension === 'xml') return 'iati';
  return undefined;
}
