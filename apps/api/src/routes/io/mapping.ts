// Column mapping and conversion: which column of a file feeds which field (given, remembered for
// the source, or matched by name), and the conversion of one row's cells into a candidate input
// for the domain schema. Conversion problems are reported per field; the schema checks the rest.
import type { Geometry } from 'geojson';
import wkx from 'wkx';
import {
  COLLECTION_SPECS,
  looseName,
  SPECIAL_TARGETS,
  targetsOf,
  type Collection,
  type FieldSpec,
} from './fields';

/** target field → source column name */
export type ColumnMapping = Record<string, string>;

export interface RowProblem {
  /** 1-based data row (CSV: the header is row 0) or feature number. */
  row: number;
  field: string;
  message: string;
}

export class MappingError extends Error {
  override name = 'MappingError';
}

/**
 * The mapping used for a file: the given one, over the one remembered for the source, over
 * columns whose names match a field. Unknown targets or columns are refused.
 */
export function resolveMapping(
  collection: Collection,
  columns: readonly string[] | null,
  given: ColumnMapping,
  remembered: ColumnMapping,
): ColumnMapping {
  const targets = targetsOf(collection);
  const unknownTargets = Object.keys(given).filter((target) => !targets.includes(target));
  if (unknownTargets.length > 0) {
    throw new MappingError(
      `unknown mapping targets: ${unknownTargets.join(', ')} (expected ${targets.join(', ')})`,
    );
  }
  const mapping: ColumnMapping = {};
  if (columns !== null) {
    const byLoose = new Map(columns.map((column) => [looseName(column), column]));
    for (const target of targets) {
      const candidates = [target, ...aliasesOf(collection, target)];
      const found = candidates.map((name) => byLoose.get(looseName(name))).find(Boolean);
      if (found) mapping[target] = found;
    }
  }
  const chosen = { ...mapping, ...remembered, ...given };
  if (columns !== null) {
    const missing = Object.entries(given).filter(([, column]) => !columns.includes(column));
    if (missing.length > 0) {
      throw new MappingError(
        `the file has no column ${missing.map(([, column]) => `"${column}"`).join(', ')}`,
      );
    }
    // A remembered column the file lacks is simply not used.
    return Object.fromEntries(
      Object.entries(chosen).filter(([, column]) => columns.includes(column)),
    );
  }
  return chosen;
}

function aliasesOf(collection: Collection, target: string): readonly string[] {
  if (target in SPECIAL_TARGETS) return SPECIAL_TARGETS[target as keyof typeof SPECIAL_TARGETS];
  return COLLECTION_SPECS[collection].fields.find((field) => field.name === target)?.aliases ?? [];
}

export interface ConvertedRow {
  externalId: string | undefined;
  /** The candidate input (not yet checked against the schema). */
  value: Record<string, unknown>;
  problems: RowProblem[];
}

const BLANK = Symbol('blank');

function cellText(cell: unknown): unknown {
  if (cell === undefined || cell === null) return BLANK;
  if (typeof cell !== 'string') return cell;
  const trimmed = cell.trim();
  return trimmed === '' ? BLANK : trimmed;
}

function splitList(text: string): string[] {
  if (text.startsWith('[')) {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) throw new Error('must be a list');
    return parsed.map((item) => String(item).trim());
  }
  return text
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function toNumber(text: unknown, integer: boolean): number {
  const number = typeof text === 'number' ? text : Number(String(text).replace(/_/g, ''));
  if (!Number.isFinite(number) || String(text).trim() === '') {
    throw new Error(`"${String(text)}" is not a number`);
  }
  if (integer && !Number.isInteger(number)) throw new Error(`${number} is not a whole number`);
  return number;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'sí', 'si', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw new Error(`"${String(value)}" is not yes/no (true/false)`);
}

const FUNDING_ITEM = /^(\d{4})\s*\/\s*([A-Za-z]+)\s*\/\s*([a-z]+)\s*=\s*([\d_,]+)$/;

function toFunding(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const text = String(value);
  if (text.startsWith('[')) return JSON.parse(text) as unknown[];
  return splitList(text).map((item) => {
    const match = FUNDING_ITEM.exec(item);
    if (!match) throw new Error(`"${item}" is not FY/ACCOUNT/stage=amount`);
    const [, year, account, stage, amount] = match;
    return {
      fiscalYear: Number(year),
      account: account!.toUpperCase(),
      stage,
      amountUsd: Number(amount!.replace(/[_,]/g, '')),
    };
  });
}

function convertCell(field: FieldSpec, cell: unknown): unknown {
  switch (field.kind) {
    case 'text':
    case 'date':
      return typeof cell === 'string' ? cell : cell;
    case 'number':
      return toNumber(cell, false);
    case 'integer':
      return toNumber(cell, true);
    case 'boolean':
      return toBoolean(cell);
    case 'list':
      return Array.isArray(cell) ? cell : splitList(String(cell));
    case 'integerList':
      return (Array.isArray(cell) ? cell : splitList(String(cell))).map((item) =>
        toNumber(item, true),
      );
    case 'funding':
      return toFunding(cell);
    case 'json':
      return typeof cell === 'string' ? (JSON.parse(cell) as unknown) : cell;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** WKT (or GeoJSON text) of a cell as a GeoJSON geometry. */
export function geometryFromText(text: string): Geometry {
  if (text.startsWith('{')) return JSON.parse(text) as Geometry;
  const parsed = wkx.Geometry.parse(text.replace(/^SRID=4326;/i, ''));
  return parsed.toGeoJSON() as Geometry;
}

/**
 * One row as a candidate input: `cells` are the row's values by column (CSV) or the feature's
 * properties; `geometry` is the GeoJSON feature's geometry, when the file has one.
 */
export function convertRow(
  collection: Collection,
  mapping: ColumnMapping,
  row: number,
  cells: Record<string, unknown>,
  geometry?: Geometry | null,
): ConvertedRow {
  const spec = COLLECTION_SPECS[collection];
  const problems: RowProblem[] = [];
  const value: Record<string, unknown> = {};
  const cellOf = (target: string) => {
    const column = mapping[target];
    return column === undefined ? BLANK : cellText(cells[column]);
  };
  for (const field of spec.fields) {
    const cell = cellOf(field.name);
    if (cell === BLANK) {
      if (field.nullable && mapping[field.name] !== undefined) value[field.name] = null;
      continue;
    }
    try {
      value[field.name] = convertCell(field, cell);
    } catch (error) {
      problems.push({ row, field: field.name, message: message(error) });
    }
  }
  if (spec.geometry) {
    const found = geometryOf(mapping, cellOf, geometry);
    if (found.problem) problems.push({ row, field: 'geometry', message: found.problem });
    else if (found.geometry) value.geometry = found.geometry;
  }
  const external = cellOf('externalId');
  const externalId = external === BLANK ? undefined : String(external);
  if (externalId === undefined) {
    problems.push({
      row,
      field: 'externalId',
      message: 'required: re-imports find the record by it (map a column of unique ids)',
    });
  } else if (externalId.length > 200) {
    problems.push({ row, field: 'externalId', message: 'must have at most 200 characters' });
  }
  return { externalId, value, problems };
}

function geometryOf(
  mapping: ColumnMapping,
  cellOf: (target: string) => unknown,
  featureGeometry: Geometry | null | undefined,
): { geometry?: Geometry; problem?: string } {
  const wkt = cellOf('wkt');
  if (wkt !== BLANK) {
    if (typeof wkt === 'object') return { geometry: wkt as Geometry };
    try {
      return { geometry: geometryFromText(wkt as string) };
    } catch (error) {
      return { problem: `not a WKT or GeoJSON geometry: ${message(error)}` };
    }
  }
  const longitude = cellOf('longitude');
  const latitude = cellOf('latitude');
  if (longitude !== BLANK || latitude !== BLANK) {
    if (longitude === BLANK || latitude === BLANK) {
      return { problem: 'needs both longitude and latitude' };
    }
    try {
      return {
        geometry: {
          type: 'Point',
          coordinates: [toNumber(longitude, false), toNumber(latitude, false)],
        },
      };
    } catch (error) {
      return { problem: message(error) };
    }
  }
  if (featureGeometry) return { geometry: featureGeometry };
  const hasColumns = ['wkt', 'longitude', 'latitude'].some((target) => mapping[target]);
  return { problem: hasColumns ? 'empty geometry' : 'missing (no geometry, WKT or lon/lat)' };
}
