// One entry point for the API and the CLI: a file's bytes, its format and the caller's mapping
// → the import's converted rows, with the mapping used (given > remembered for the source >
// matched by column name), then the pipeline of ./importer.ts.
import type { Database } from '@atlas/db';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { Principal } from '../../auth/principal';
import type { Collection } from './fields';
import { parseIatiActivities } from './iati';
import { runImport, type ConvertedSourceRow, type ImportReport } from './importer';
import { convertRow, resolveMapping, type ColumnMapping } from './mapping';
import { FileError, openCsv, openGeoJson, Utf8Text, type OpenedFile } from './readers';

export const IMPORT_FORMATS = ['csv', 'geojson', 'iati'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Imports stream; this bounds what one request may send (a clear 413 beyond). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** IATI files are parsed whole (activity files are small); larger ones are refused. */
export const MAX_IATI_BYTES = 64 * 1024 * 1024;

export interface ImportInput {
  body: Readable;
  collection: Collection;
  format: ImportFormat;
  source: string;
  principal: Principal;
  mapping?: ColumnMapping;
  commit: boolean;
  delimiter?: string;
  onProgress?: (progress: { rows: number }) => void;
}

export async function rememberedMapping(
  db: Kysely<Database>,
  source: string,
  collection: Collection,
): Promise<ColumnMapping> {
  const row = await db
    .selectFrom('importSources')
    .select('mapping')
    .where('source', '=', source)
    .where('collection', '=', collection)
    .executeTakeFirst();
  return row?.mapping ?? {};
}

async function* converted(
  file: OpenedFile,
  collection: Collection,
  mapping: ColumnMapping,
): AsyncGenerator<ConvertedSourceRow> {
  for await (const source of file.rows) {
    yield {
      row: source.row,
      ...convertRow(collection, mapping, source.row, source.cells, source.geometry),
    };
  }
}

async function* fromList<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

export async function importFile(db: Kysely<Database>, input: ImportInput): Promise<ImportReport> {
  const request = {
    collection: input.collection,
    source: input.source,
    format: input.format,
    principal: input.principal,
    commit: input.commit,
    onProgress: input.onProgress,
  };
  if (input.format === 'iati') {
    if (input.collection !== 'programs') throw new FileError('IATI files import programs only');
    const xml = await text(input.body.pipe(new Utf8Text(MAX_IATI_BYTES)));
    let rows: ConvertedSourceRow[];
    try {
      rows = parseIatiActivities(xml);
    } catch (error) {
      throw new FileError(`not a readable IATI file: ${(error as Error).message}`);
    }
    return runImport(db, fromList(rows), { ...request, mapping: {} });
  }
  const file =
    input.format === 'csv'
      ? await openCsv(input.body, { maxBytes: MAX_IMPORT_BYTES, delimiter: input.delimiter })
      : await openGeoJson(input.body, { maxBytes: MAX_IMPORT_BYTES });
  const remembered = await rememberedMapping(db, input.source, input.collection);
  const mapping = resolveMapping(input.collection, file.columns, input.mapping ?? {}, remembered);
  return runImport(db, converted(file, input.collection, mapping), { ...request, mapping });
}
