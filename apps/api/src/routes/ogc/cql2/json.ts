// cql2-json -> the filter tree of ./tree.ts (the same tree the cql2-text grammar builds).
// The JSON is checked node by node; a FilterError names the JSON pointer of the first bad node.
import type { Geometry } from 'geojson';
import { FilterError } from './errors';
import {
  ARITHMETIC_OPERATORS,
  ARRAY_OPERATORS,
  COMPARISON_OPERATORS,
  SPATIAL_OPERATORS,
  TEMPORAL_OPERATORS,
  type Condition,
  type IntervalBound,
  type Operand,
} from './tree';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const GEOMETRY_TYPES = new Set([
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
]);
/** Nesting deeper than this is refused (a filter is written by people, not generated forever). */
const MAX_DEPTH = 64;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  list.includes(value as T);

class Reader {
  constructor(private readonly parameter: string) {}

  fail(path: string, message: string): never {
    throw new FilterError(`cql2-json error at ${path || '/'}: ${message}`, this.parameter);
  }

  args(node: Json, path: string, count?: number): unknown[] {
    const args = node.args;
    if (!Array.isArray(args)) this.fail(`${path}/args`, 'must be an array');
    if (count !== undefined && args.length !== count) {
      this.fail(`${path}/args`, `'${String(node.op)}' takes ${count} arguments`);
    }
    return args;
  }

  condition(value: unknown, path: string, depth: number): Condition {
    if (depth > MAX_DEPTH) this.fail(path, `is nested more than ${MAX_DEPTH} deep`);
    if (typeof value === 'boolean') return { kind: 'boolean', value };
    if (!isObject(value) || typeof value.op !== 'string') {
      this.fail(path, 'must be a boolean expression ({ "op": …, "args": […] }, true or false)');
    }
    const op = value.op;
    const sub = (item: unknown, index: number) =>
      this.operand(item, `${path}/args/${index}`, depth + 1);
    if (op === 'and' || op === 'or') {
      const args = this.args(value, path);
      if (args.length < 2) this.fail(`${path}/args`, `'${op}' takes at least 2 arguments`);
      return {
        kind: op,
        args: args.map((item, index) => this.condition(item, `${path}/args/${index}`, depth + 1)),
      };
    }
    if (op === 'not') {
      const [arg] = this.args(value, path, 1);
      return { kind: 'not', arg: this.condition(arg, `${path}/args/0`, depth + 1) };
    }
    if (includes(COMPARISON_OPERATORS, op)) {
      const [left, right] = this.args(value, path, 2);
      return { kind: 'comparison', op, args: [sub(left, 0), sub(right, 1)] };
    }
    if (op === 'like') {
      const [left, right] = this.args(value, path, 2);
      return { kind: 'like', args: [sub(left, 0), sub(right, 1)] };
    }
    if (op === 'between') {
      const [item, low, high] = this.args(value, path, 3);
      return { kind: 'between', args: [sub(item, 0), sub(low, 1), sub(high, 2)] };
    }
    if (op === 'in') {
      const [item, list] = this.args(value, path, 2);
      if (!Array.isArray(list) || list.length === 0) {
        this.fail(`${path}/args/1`, 'must be a non-empty array of values');
      }
      return {
        kind: 'in',
        value: sub(item, 0),
        list: list.map((entry, index) => this.operand(entry, `${path}/args/1/${index}`, depth + 2)),
      };
    }
    if (op === 'isNull') {
      const [arg] = this.args(value, path, 1);
      return { kind: 'isNull', arg: sub(arg, 0) };
    }
    const lower = op.toLowerCase();
    if (includes(SPATIAL_OPERATORS, lower)) {
      const [left, right] = this.args(value, path, 2);
      return { kind: 'spatial', op: lower, args: [sub(left, 0), sub(right, 1)] };
    }
    if (includes(TEMPORAL_OPERATORS, lower)) {
      const [left, right] = this.args(value, path, 2);
      return { kind: 'temporal', op: lower, args: [sub(left, 0), sub(right, 1)] };
    }
    if (includes(ARRAY_OPERATORS, lower)) {
      const [left, right] = this.args(value, path, 2);
      return { kind: 'arrayPredicate', op: lower, args: [sub(left, 0), sub(right, 1)] };
    }
    return this.fail(`${path}/op`, `'${op}' is not a CQL2 predicate`);
  }

  instant(text: string, kind: 'date' | 'timestamp', path: string): Operand {
    const pattern = kind === 'date' ? DATE : TIMESTAMP;
    const time = Date.parse(kind === 'date' ? `${text}T00:00:00Z` : text);
    if (
      !pattern.test(text) ||
      Number.isNaN(time) ||
      new Date(time).toISOString().slice(0, 10) !== text.slice(0, 10)
    ) {
      this.fail(
        path,
        kind === 'date'
          ? `'${text}' is not a date (YYYY-MM-DD)`
          : `'${text}' is not a UTC timestamp (YYYY-MM-DDThh:mm:ssZ)`,
      );
    }
    return { kind, value: text };
  }

  bound(value: unknown, path: string, depth: number): IntervalBound {
    if (value === '..') return { kind: 'open' };
    if (typeof value === 'string') {
      return this.instant(value, DATE.test(value) ? 'date' : 'timestamp', path);
    }
    return this.operand(value, path, depth);
  }

  operand(value: unknown, path: string, depth: number): Operand {
    if (depth > MAX_DEPTH) this.fail(path, `is nested more than ${MAX_DEPTH} deep`);
    if (typeof value === 'string') return { kind: 'string', value };
    if (typeof value === 'number') return { kind: 'number', value };
    if (typeof value === 'boolean') return { kind: 'boolean', value };
    if (Array.isArray(value)) {
      return {
        kind: 'array',
        items: value.map((item, index) => this.operand(item, `${path}/${index}`, depth + 1)),
      };
    }
    if (!isObject(value)) return this.fail(path, 'must be a value');
    if (typeof value.property === 'string') return { kind: 'property', name: value.property };
    if (typeof value.date === 'string') return this.instant(value.date, 'date', `${path}/date`);
    if (typeof value.timestamp === 'string') {
      return this.instant(value.timestamp, 'timestamp', `${path}/timestamp`);
    }
    if (Array.isArray(value.interval)) {
      if (value.interval.length !== 2) this.fail(`${path}/interval`, 'must have 2 ends');
      const [start, end] = value.interval as unknown[];
      return {
        kind: 'interval',
        start: this.bound(start, `${path}/interval/0`, depth + 1),
        end: this.bound(end, `${path}/interval/1`, depth + 1),
      };
    }
    if (Array.isArray(value.bbox)) {
      const bbox = value.bbox;
      if ((bbox.length !== 4 && bbox.length !== 6) || !bbox.every(Number.isFinite)) {
        this.fail(`${path}/bbox`, 'must be 4 or 6 numbers');
      }
      return { kind: 'bbox', bbox: bbox as number[] };
    }
    if (typeof value.type === 'string' && GEOMETRY_TYPES.has(value.type)) {
      return { kind: 'geometry', geometry: this.geometry(value, path) };
    }
    if (typeof value.op === 'string') {
      const op = value.op;
      if (op === 'casei' || op === 'accenti') {
        const [arg] = this.args(value, path, 1);
        return { kind: op, arg: this.operand(arg, `${path}/args/0`, depth + 1) };
      }
      if (includes(ARITHMETIC_OPERATORS, op)) {
        const [left, right] = this.args(value, path, 2);
        return {
          kind: 'arithmetic',
          op,
          args: [
            this.operand(left, `${path}/args/0`, depth + 1),
            this.operand(right, `${path}/args/1`, depth + 1),
          ],
        };
      }
      return {
        kind: 'function',
        name: op,
        args: this.args(value, path).map((item, index) =>
          this.operand(item, `${path}/args/${index}`, depth + 1),
        ),
      };
    }
    return this.fail(path, 'is not a CQL2 value (property, literal, date, geometry, function…)');
  }

  /** A GeoJSON geometry: positions of 2 or 3 finite numbers, closed polygon rings. */
  geometry(value: Json, path: string): Geometry {
    const position = (item: unknown, at: string) => {
      if (
        !Array.isArray(item) ||
        (item.length !== 2 && item.length !== 3) ||
        !item.every(Number.isFinite)
      ) {
        this.fail(at, 'must be a position [longitude, latitude]');
      }
    };
    const list = (
      item: unknown,
      at: string,
      min: number,
      each: (x: unknown, p: string) => void,
    ) => {
      if (!Array.isArray(item) || item.length < min) this.fail(at, `must list at least ${min}`);
      item.forEach((member, index) => {
        each(member, `${at}/${index}`);
      });
    };
    const ring = (item: unknown, at: string) => {
      list(item, at, 4, position);
      const points = item as number[][];
      if (points[0]!.join() !== points[points.length - 1]!.join()) {
        this.fail(at, 'a polygon ring must end at its first point');
      }
    };
    const line = (item: unknown, at: string) => {
      list(item, at, 2, position);
    };
    const polygon = (item: unknown, at: string) => {
      list(item, at, 1, ring);
    };
    const at = `${path}/coordinates`;
    switch (value.type) {
      case 'Point':
        position(value.coordinates, at);
        break;
      case 'LineString':
        line(value.coordinates, at);
        break;
      case 'Polygon':
        polygon(value.coordinates, at);
        break;
      case 'MultiPoint':
        list(value.coordinates, at, 1, position);
        break;
      case 'MultiLineString':
        list(value.coordinates, at, 1, line);
        break;
      case 'MultiPolygon':
        list(value.coordinates, at, 1, polygon);
        break;
      default:
        list(value.geometries, `${path}/geometries`, 1, (member, memberPath) => {
          if (!isObject(member) || member.type === 'GeometryCollection') {
            this.fail(memberPath, 'must be a GeoJSON geometry');
          }
          this.geometry(member, memberPath);
        });
        return { type: 'GeometryCollection', geometries: value.geometries as Geometry[] };
    }
    return { type: value.type, coordinates: value.coordinates } as Geometry;
  }
}

/** Reads a cql2-json filter (text of a query parameter, or an already parsed value). */
export function readCql2Json(input: unknown, parameter = 'filter'): Condition {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'invalid JSON';
      throw new FilterError(`cql2-json is not valid JSON: ${reason}`, parameter);
    }
  }
  return new Reader(parameter).condition(value, '', 0);
}
