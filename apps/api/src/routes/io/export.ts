// Exports: a collection (or a selection of ids) as CSV, GeoJSON or — for programs — IATI activity
// XML, written as a stream of text chunks so a large layer never sits in memory. Records are read
// in id order, a page at a time, through the same record stores as GET /api/v1/<collection>/{id}.
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
import { storeFor } from './stores';

const PAGE = 500;

export interface ExportSelection {
  ids?: readonly string[];
  country?: string;
}

type AnyRecord = Record<string, unknown> & { id: string };

/** The live records of the selection, in id order, one page of ids at a time. */
export async function* exportRecords(
  db: Kysely<Database>,
  collection: Collection,
  selection: ExportSelection,
): AsyncGenerator<AnyRecord> {
  const store = storeFor(collection, db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    let query = db
      .selectFrom(collection)
      .select('id')
      .where('deletedAt', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE);
    if (selection.ids) query = query.where('id', 'in', [...selection.ids, after]);
    if (selection.country) query = query.where(countryFilter(collection, selection.country));
    const ids = await query.execute();
    for (const { id } of ids) {
      const record = await store.find(id);
      if (record && record.deletedAt === null) yield record as unknown as AnyRecord;
    }
    if (ids.length < PAGE) return;
    after = ids[ids.length - 1]!.id;
  }
}

function countryFilter(collection: Collection, country: string) {
  if (collection === 'programs') return sql<boolean>`${country} = ANY(countries)`;
  if (collection === 'corridors') {
    return sql<boolean>`EXISTS (SELECT 1 FROM countries c WHERE c.code = ${country}
      AND ST_Intersects(c.geom, corridors.geom))`;
  }
  return sql<boolean>`country = ${country}`;
}

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

async function locationsOf(db: Kysely<Database>, programId: string): Promise<IatiLocation[]> {
  const result = await sql<{ id: string; name: string; precision: number; point: string }>`
    SELECT id, name, precision, ST_AsGeoJSON(ST_PointOnSurface(geom), 7) AS point
    FROM sites WHERE program_id = ${programId} AND deleted_at IS NULL ORDER BY name, id
  `.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    precision: row.precision,
    point: (JSON.parse(row.point) as { coordinates: [number, number] }).coordinates,
  }));
}

export async function* iatiChunks(
  db: Kysely<Database>,
  records: AsyncIterable<AnyRecord>,
  publisher: IatiPublisher,
): AsyncGenerator<string> {
  yield iatiHeader(new Date());
  for await (const record of records) {
    const program = record as unknown as ProgramRecord;
    yield iatiActivityXml(publisher, program, await locationsOf(db, program.id));
  }
  yield IATI_FOOTER;
}
