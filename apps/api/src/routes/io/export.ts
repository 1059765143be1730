// Exports: a collection (filtered as its REST list, or a selection of ids) as CSV, GeoJSON or —
// for programs — IATI activity XML, written as a stream of text chunks so a large layer never
// sits in memory. Records come a page at a time from export-pages.ts.
import type { Database } from '@atlas/db';
import { label, type Lang } from '@atlas/domain';
import { stringify } from 'csv-stringify/sync';
import type { Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import wkx from 'wkx';
import type { ProgramRecord } from '../programs/schemas';
import { COLLECTION_SPECS, formatFunding, type Collection, type FieldSpec } from './fields';
import {
  IATI_FOOTER,
  iatiActivityXml,
  iatiHeader,
  type IatiLocation,
  type IatiPublisher,
} from './iati';
import type { AnyRecord } from './export-pages';

// ---- CSV --------------------------------------------------------------------------------------

/** The columns an export writes by default: id, every field, the geometry as WKT. */
export function defaultColumns(collection: Collection): string[] {
  const spec = COLLECTION_SPECS[collection];
  return ['id', ...spec.fields.map((field) => field.name), ...(spec.geometry ? ['wkt'] : [])];
}

export function unknownColumns(collection: Collection, columns: readonly string[]): string[] {
  const known = new Set([...defaultColumns(collection), 'longitude', 'latitude', 'version']);
  return columns.filter((column) => !known.has(column));
}

function cellValue(field: FieldSpec | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field?.kind === 'funding') return formatFunding(value as never);
  if (field?.kind === 'json') return JSON.stringify(value);
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

function namesOf(field: FieldSpec, value: unknown, lang: Lang): string {
  if (!field.codes || value === null || value === undefined) return '';
  const codes = Array.isArray(value) ? value : [value];
  return codes.map((code) => label(field.codes!, code as never, lang)).join('; ');
}

function pointOf(geometry: Geometry | undefined): [number, number] | undefined {
  return geometry?.type === 'Point' ? (geometry.coordinates as [number, number]) : undefined;
}

/** CSV text chunks: the header, then one line per record (names beside coded columns). */
export async function* csvChunks(
  records: AsyncIterable<AnyRecord>,
  collection: Collection,
  options: { columns: readonly string[]; names: boolean; lang: Lang },
): AsyncGenerator<string> {
  const fields = new Map(COLLECTION_SPECS[collection].fields.map((field) => [field.name, field]));
  const header: string[] = [];
  for (const column of options.columns) {
    header.push(column);
    if (options.names && fields.get(column)?.codes) header.push(`${column}_name`);
  }
  yield '\uFEFF' + stringify([header]); // the BOM makes spreadsheet programs read UTF-8
  for await (const record of records) {
    const geometry = record.geometry as Geometry | undefined;
    const line: string[] = [];
    for (const column of options.columns) {
      const field = fields.get(column);
      const value = column === 'program' ? record.programId : record[column];
      if (column === 'wkt') line.push(geometry ? wkx.Geometry.parseGeoJSON(geometry).toWkt() : '');
      else if (column === 'longitude') line.push(String(pointOf(geometry)?.[0] ?? ''));
      else if (column === 'latitude') line.push(String(pointOf(geometry)?.[1] ?? ''));
      else line.push(cellValue(field, value));
      if (options.names && field?.codes) line.push(namesOf(field, value, options.lang));
    }
    yield stringify([line]);
  }
}

// ---- GeoJSON ----------------------------------------------------------------------------------

export async function* geoJsonChunks(records: AsyncIterable<AnyRecord>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const { geometry, ...properties } of records) {
    const feature = { type: 'Feature', id: properties.id, geometry: geometry ?? null, properties };
    yield (first ? '' : ',\n') + JSON.stringify(feature);
    first = false;
  }
  yield '\n]}\n';
}

// ---- IATI -------------------------------------------------------------------------------------

/** The live sites of a page of programs as IATI locations, by program id. */
async function locationsOf(
  db: Kysely<Database>,
  programIds: readonly string[],
): Promise<Map<string, IatiLocation[]>> {
  const byProgram = new Map<string, IatiLocation[]>();
  if (programIds.length === 0) return byProgram;
  const result = await sql<{
    programId: string;
    id: string;
    name: string;
    precision: number;
    description: string | null;
    illustrative: boolean;
    point: string;
    shape: string | null;
  }>`
    SELECT program_id, id, name, precision, description, illustrative,
      ST_AsGeoJSON(ST_PointOnSurface(geom), 9) AS point,
      CASE WHEN GeometryType(geom) <> 'POINT' THEN ST_AsGeoJSON(geom, 9) END AS shape
    FROM sites WHERE program_id IN (${sql.join([...programIds])}) AND deleted_at IS NULL
    ORDER BY program_id, name, id
  `.execute(db);
  for (const row of result.rows) {
    const locations = byProgram.get(row.programId) ?? [];
    locations.push({
      id: row.id,
      name: row.name,
      precision: row.precision,
      point: (JSON.parse(row.point) as { coordinates: [number, number] }).coordinates,
      description: row.description,
      illustrative: row.illustrative,
      shape: row.shape === null ? null : (JSON.parse(row.shape) as Geometry),
    });
    byProgram.set(row.programId, locations);
  }
  return byProgram;
}

/** IATI activities, a page of programs (and one query for their sites) at a time. */
export async function* iatiChunks(
  db: Kysely<Database>,
  pages: AsyncIterable<readonly AnyRecord[]>,
  publisher: IatiPublisher,
): AsyncGenerator<string> {
  yield iatiHeader(new Date());
  for await (const page of pages) {
    const locations = await locationsOf(
      db,
      page.map((record) => record.id),
    );
    for (const record of page) {
      const program = record as unknown as ProgramRecord;
      yield iatiActivityXml(publisher, program, locations.get(program.id) ?? []);
    }
  }
  yield IATI_FOOTER;
}
