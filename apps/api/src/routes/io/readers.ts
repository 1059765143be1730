// Streaming readers of import files: bytes → checked UTF-8 text → rows, one at a time, so a
// large file never sits in memory. A file that is not UTF-8 text, is larger than the limit or
// cannot be parsed fails with a FileError naming where (byte, line or feature).
import { parse as parseCsv } from 'csv-parse';
import type { Geometry } from 'geojson';
import {
  pipeline,
  Transform,
  type Duplex,
  type Readable,
  type TransformCallback,
} from 'node:stream';
import { parser as jsonParser } from 'stream-json';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';

/** The file cannot be read as the format it claims to be (→ 400, nothing written). */
export class FileError extends Error {
  override name = 'FileError';
  readonly statusCode: number = 400;
}

export class FileTooLargeError extends FileError {
  override name = 'FileTooLargeError';
  override readonly statusCode = 413;
}

export interface SourceRow {
  /** 1-based: the CSV data row (the header is row 0) or the feature's number. */
  row: number;
  cells: Record<string, unknown>;
  geometry?: Geometry | null;
}

export interface OpenedFile {
  /** The file's column names (CSV header; the first feature's properties), or null. */
  columns: readonly string[] | null;
  rows: AsyncIterable<SourceRow>;
}

/** Bytes to UTF-8 text; refuses other encodings, binary data and files over `maxBytes`. */
export class Utf8Text extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private bytes = 0;

  constructor(private readonly maxBytes: number) {
    super({ decodeStrings: true, readableObjectMode: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const start = this.bytes;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      done(new FileTooLargeError(`the file is larger than ${this.maxBytes / 1024 / 1024} MiB`));
      return;
    }
    if (start === 0 && chunk.length >= 2) {
      const [first, second] = chunk;
      if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) {
        done(new FileError('the file is UTF-16 text; save it as UTF-8'));
        return;
      }
    }
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      done(new FileError(`the file has binary data (a NUL byte at byte ${start + nul})`));
      return;
    }
    try {
      done(null, this.decoder.decode(chunk, { stream: true }));
    } catch {
      done(new FileError(`the file is not UTF-8 text (invalid bytes near byte ${start})`));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new FileError('the file is not UTF-8 text (it ends inside a character)'));
    }
  }
}

/** Connects the streams; the last one is read, and fails with the first error of any of them. */
function chained(source: Readable, ...stages: Duplex[]): Readable {
  pipeline([source, ...stages], () => undefined);
  return stages[stages.length - 1]!;
}

function asFileError(error: unknown, what: string): Error {
  if (error instanceof FileError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new FileError(`${what}: ${reason}`);
}

/** A CSV file with a header row; `delimiter` is `,` unless given. */
export async function openCsv(
  body: Readable,
  options: { maxBytes: number; delimiter?: string },
): Promise<OpenedFile> {
  const parser = parseCsv({
    bom: true,
    delimiter: options.delimiter ?? ',',
    skip_empty_lines: true,
    max_record_size: 1_000_000, // a line of junk without line breaks stops here
  });
  const records = chained(body, new Utf8Text(options.maxBytes), parser);
  const iterator = records[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let header: string[];
  try {
    const first = await iterator.next();
    if (first.done) throw new FileError('the file is empty (no header row)');
    header = first.value.map((name) => name.trim());
  } catch (error) {
    throw asFileError(error, 'not a readable CSV file');
  }
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) throw new FileError(`the header repeats the column "${duplicate}"`);
  if (header.some((name) => name === '')) throw new FileError('the header has an empty column');

  async function* rows(): AsyncGenerator<SourceRow> {
    let row = 0;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        row += 1;
        const cells: Record<string, unknown> = {};
        header.forEach((name, index) => (cells[name] = next.value[index]));
        yield { row, cells };
      }
    } catch (error) {
      throw asFileError(error, `CSV error after data row ${row}`);
    }
  }
  return { columns: header, rows: rows() };
}

interface Feature {
  type?: unknown;
  id?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: Geometry | null;
}

/** A GeoJSON FeatureCollection, streamed feature by feature (its `features` array). */
export async function openGeoJson(
  body: Readable,
  options: { maxBytes: number },
): Promise<OpenedFile> {
  const features = chained(
    body,
    new Utf8Text(options.maxBytes),
    jsonParser.asStream(),
    pick.asStream({ filter: 'features' }),
    streamArray.asStream(),
  );
  const iterator = features[Symbol.asyncIterator]() as AsyncIterator<{ value: Feature }>;
  let first: IteratorResult<{ value: Feature }>;
  try {
    first = await iterator.next();
  } catch (error) {
    throw asFileError(error, 'not a readable GeoJSON file');
  }
  if (first.done) {
    throw new FileError('no features: expected a GeoJSON FeatureCollection with features');
  }
  const columns = Object.keys((first.value.value as Feature | null)?.properties ?? {});
  // The feature's own `id` counts as a column named "id" (an external id by default).
  if (!columns.includes('id')) columns.push('id');

  async function* rows(): AsyncGenerator<SourceRow> {
    let row = 0;
    let current: IteratorResult<{ value: Feature }> = first;
    try {
      while (!current.done) {
        row += 1;
        yield featureRow(row, current.value.value);
        current = await iterator.next();
      }
    } catch (error) {
      throw asFileError(error, `GeoJSON error after feature ${row}`);
    }
  }
  return { columns, rows: rows() };
}

function featureRow(row: number, feature: Feature | null): SourceRow {
  if (feature === null || typeof feature !== 'object' || feature.type !== 'Feature') {
    throw new FileError(`feature ${row} is not a GeoJSON Feature`);
  }
  const properties = feature.properties ?? {};
  const cells = { ...properties };
  if (!('id' in cells) && feature.id !== undefined) cells.id = feature.id;
  return { row, cells, geometry: feature.geometry ?? null };
}
