// `atlas import`: the API's import pipeline (preview, then --commit) run on a local file, as a
// named user (their role and country scope apply, and the audit names them), with progress.
//   atlas import <file> --collection incidents --source unodc-2012 --as coordinator@example.org
//                [--format csv|geojson|iati] [--map externalId=record_id --map …]
//                [--delimiter ';'] [--commit]
import type { Database } from '@atlas/db';
import type { Kysely } from 'kysely';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Principal } from '../auth/principal';
import { COLLECTIONS, isCollection } from '../routes/io/fields';
import type { ImportReport } from '../routes/io/importer';
import { IMPORT_FORMATS, importFile, type ImportFormat } from '../routes/io/source';

export interface ImportCommandOptions {
  file?: string;
  collection?: string;
  source?: string;
  as?: string;
  format?: string;
  map?: string[];
  delimiter?: string;
  commit: boolean;
}

export interface ImportIo {
  out: (line: string) => void;
  /** Progress lines (the terminal's stderr); may overwrite the previous line. */
  progress?: (text: string) => void;
}

export class ImportUsageError extends Error {
  override name = 'UsageError';
}

const FORMAT_OF_EXTENSION: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.xml': 'iati',
};

function parseMap(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new ImportUsageError(`--map needs field=column, not "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function principalOf(db: Kysely<Database>, email: string): Promise<Principal> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'countries', 'disabledAt'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!user || user.disabledAt) throw new Error(`no active user ${email}`);
  return {
    kind: 'user',
    id: user.id,
    label: user.email,
    role: user.role,
    countries: user.countries,
  };
}

export function describeReport(report: ImportReport): string[] {
  const lines = [
    `${report.committed ? 'imported' : report.problemCount > 0 ? 'NOT imported' : 'preview'}: ` +
      `${report.rows} rows, ${report.created} to create, ${report.updated} to update, ` +
      `${report.unchanged} unchanged, ${report.problemCount} problems`,
  ];
  for (const problem of report.problems) {
    lines.push(`  row ${problem.row}, ${problem.field}: ${problem.message}`);
  }
  if (report.problemCount > report.problems.length) {
    lines.push(`  … and ${report.problemCount - report.problems.length} more`);
  }
  if (!report.committed && report.problemCount === 0)
    lines.push('run again with --commit to import');
  return lines;
}

/** Runs the import; resolves with the report (the caller sets the exit code from it). */
export async function importCommand(
  openDb: () => Promise<Kysely<Database>>,
  options: ImportCommandOptions,
  io: ImportIo,
): Promise<ImportReport> {
  const { file, collection, source } = options;
  if (!file) throw new ImportUsageError('import needs a file');
  if (!collection || !isCollection(collection)) {
    throw new ImportUsageError(`--collection must be one of ${COLLECTIONS.join(', ')}`);
  }
  if (!source)
    throw new ImportUsageError('missing --source (a name for where the data comes from)');
  if (!options.as)
    throw new ImportUsageError('missing --as <e-mail> (the user the import is made as)');
  const format = (options.format ?? FORMAT_OF_EXTENSION[extname(file).toLowerCase()]) as
    ImportFormat | undefined;
  if (!format || !IMPORT_FORMATS.includes(format)) {
    throw new ImportUsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
  }
  const mapping = parseMap(options.map ?? []);
  const size = (await stat(file)).size;
  const db = await openDb();
  const principal = await principalOf(db, options.as);
  const started = Date.now();
  const report = await importFile(db, {
    body: createReadStream(file),
    collection,
    format,
    source,
    principal,
    mapping: Object.keys(mapping).length > 0 ? mapping : undefined,
    commit: options.commit,
    delimiter: options.delimiter,
    onProgress: ({ rows }) => {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      io.progress?.(
        `${rows.toLocaleString('en')} rows read (${Math.round(rows / seconds)}/s) of a ${(size / 1024 / 1024).toFixed(1)} MiB file`,
      );
    },
  });
  for (const line of describeReport(report)) io.out(line);
  return report;
}
