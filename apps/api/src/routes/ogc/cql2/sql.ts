// The filter tree -> one SQL condition. Literals are bound parameters (with an explicit type),
// property names resolve only through the collection's queryables, and types are checked first
// so a mismatch is a 400 with a reason, never a database error.
import { envelope, geomFromGeoJSON } from '@atlas/db';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { FilterError } from './errors';
import type { Queryable, Queryables } from './queryables';
import type {
  ArrayOperator,
  Condition,
  IntervalBound,
  Operand,
  SpatialOperator,
  TemporalOperator,
} from './tree';

type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'timestamp' | 'geometry' | 'array';

interface Value {
  sql: Expression<unknown>;
  type: ValueType;
  /** Arrays: the SQL type of their items (text, integer, double precision). */
  itemType?: string;
}

const SPATIAL_FUNCTIONS: Record<SpatialOperator, string> = {
  s_intersects: 'ST_Intersects',
  s_equals: 'ST_Equals',
  s_disjoint: 'ST_Disjoint',
  s_touches: 'ST_Touches',
  s_within: 'ST_Within',
  s_overlaps: 'ST_Overlaps',
  s_crosses: 'ST_Crosses',
  s_contains: 'ST_Contains',
};

const ARRAY_SQL: Record<ArrayOperator, string> = {
  a_equals: '=',
  a_contains: '@>',
  a_containedby: '<@',
  a_overlaps: '&&',
};

// ACCENTI: the accented letters of the region's languages folded to their base letter (works
// on both engines: PGlite has no unaccent extension).
const ACCENTED = 'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇçÝýÿ';
const UNACCENTED = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCcYyy';

function typeOf(queryable: Queryable): { type: ValueType; itemType?: string } {
  switch (queryable.type) {
    case 'integer':
      return { type: 'number' };
    case 'string-array':
      return { type: 'array', itemType: 'text' };
    case 'integer-array':
      return { type: 'array', itemType: 'integer' };
    default:
      return { type: queryable.type };
  }
}

const isInstant = (type: ValueType) => type === 'date' || type === 'timestamp';

/** Do values of these two types compare (=, <, IN, BETWEEN)? */
function comparable(a: ValueType, b: ValueType): boolean {
  return a === b || (isInstant(a) && isInstant(b));
}

class Compiler {
  constructor(
    private readonly queryables: Queryables,
    private readonly parameter: string,
  ) {}

  fail(message: string): never {
    throw new FilterError(message, this.parameter);
  }

  property(name: string): Value {
    const queryable = Object.hasOwn(this.queryables, name) ? this.queryables[name] : undefined;
    if (!queryable) {
      this.fail(
        `unknown property '${name}'; the queryables are: ${Object.keys(this.queryables).join(', ')}`,
      );
    }
    const column =
      typeof queryable.column === 'string' ? sql.ref(queryable.column) : queryable.column;
    return { sql: column, ...typeOf(queryable) };
  }

  operand(node: Operand): Value {
    switch (node.kind) {
      case 'property':
        return this.property(node.name);
      case 'string':
        return { sql: sql`${node.value}::text`, type: 'string' };
      case 'number':
        if (!Number.isFinite(node.value)) this.fail(`${node.value} is not a finite number`);
        return { sql: sql`${node.value}::double precision`, type: 'number' };
      case 'boolean':
        return { sql: sql`${node.value}::boolean`, type: 'boolean' };
      case 'date':
        return { sql: sql`${node.value}::date`, type: 'date' };
      case 'timestamp':
        return { sql: sql`${node.value}::timestamptz`, type: 'timestamp' };
      case 'geometry':
        return { sql: geomFromGeoJSON(node.geometry), type: 'geometry' };
      case 'bbox':
        return { sql: this.bbox(node.bbox), type: 'geometry' };
      case 'casei': {
        const inner = this.expect(this.operand(node.arg), 'string', 'CASEI');
        return { sql: sql`lower(${inner.sql})`, type: 'string' };
      }
      case 'accenti': {
        const inner = this.expect(this.operand(node.arg), 'string', 'ACCENTI');
        return { sql: sql`translate(${inner.sql}, ${ACCENTED}, ${UNACCENTED})`, type: 'string' };
      }
      case 'arithmetic':
        return this.arithmetic(node);
      case 'array':
        return this.array(node.items);
      case 'interval':
        return this.fail('an INTERVAL can only be used in a temporal predicate (T_…)');
      case 'function':
        return this.fail(`unknown function '${node.name}' (no functions are offered)`);
    }
  }

  expect(value: Value, type: ValueType, where: string): Value {
    if (value.type !== type) this.fail(`${where} needs a ${type}, not a ${value.type}`);
    return value;
  }

  /** West > east crosses the antimeridian (RFC 7946 §5.2): two envelopes. */
  bbox(values: number[]): RawBuilder<unknown> {
    const [west, south, east, north] =
      values.length === 6 ? [values[0], values[1], values[3], values[4]] : values;
    const box = [west, south, east, north] as [number, number, number, number];
    if (box.some((value) => !Number.isFinite(value))) this.fail('BBOX needs finite numbers');
    if (south! > north!) this.fail('BBOX: the southern edge is north of the northern edge');
    if (
      Math.abs(south!) > 90 ||
      Math.abs(north!) > 90 ||
      Math.abs(west!) > 180 ||
      Math.abs(east!) > 180
    ) {
      this.fail('BBOX: longitudes within ±180 and latitudes within ±90');
    }
    if (west! <= east!) return envelope(box);
    return sql`ST_Collect(${envelope([west!, south!, 180, north!])}, ${envelope([-180, south!, east!, north!])})`;
  }

  arithmetic(node: Extract<Operand, { kind: 'arithmetic' }>): Value {
    const [left, right] = node.args.map((arg) =>
      this.expect(this.operand(arg), 'number', `'${node.op}'`),
    ) as [Value, Value];
    const a = left.sql;
    const b = right.sql;
    const numeric = (value: Expression<unknown>) => sql`(${value})::numeric`;
    const expressions: Record<typeof node.op, RawBuilder<unknown>> = {
      '+': sql`(${a} + ${b})`,
      '-': sql`(${a} - ${b})`,
      '*': sql`(${a} * ${b})`,
      '/': sql`(${a} / ${b})`,
      '%': sql`mod(${numeric(a)}, ${numeric(b)})`,
      div: sql`div(${numeric(a)}, ${numeric(b)})`,
      '^': sql`power(${a}, ${b})`,
    };
    return { sql: expressions[node.op], type: 'number' };
  }

  array(items: Operand[], itemType?: string): Value {
    const values = items.map((item) => this.operand(item));
    const types = new Set(values.map((value) => value.type));
    if (types.size > 1) this.fail('an array literal must hold values of one type');
    const [type] = [...types];
    if (type !== undefined && type !== 'string' && type !== 'number') {
      this.fail('array literals hold strings or numbers');
    }
    const sqlType = itemType ?? (type === 'number' ? 'double precision' : 'text');
    if (
      sqlType === 'integer' &&
      !items.every((item) => item.kind === 'number' && Number.isInteger(item.value))
    ) {
      this.fail('this array holds whole numbers');
    }
    if ((sqlType === 'text') !== (type !== 'number') && type !== undefined) {
      this.fail(`cannot compare an array of ${sqlType} with an array of ${type}s`);
    }
    const elements = values.map((value) => sql`(${value.sql})::${sql.raw(sqlType)}`);
    return {
      sql: sql`ARRAY[${sql.join(elements)}]::${sql.raw(sqlType)}[]`,
      type: 'array',
      itemType: sqlType,
    };
  }

  /** An instant or interval as its two ends (an instant starts and ends at itself). */
  period(node: Operand): {
    start: Expression<unknown>;
    end: Expression<unknown>;
    timestamp: boolean;
  } {
    if (node.kind === 'interval') {
      const start = this.bound(node.start, '-infinity');
      const end = this.bound(node.end, 'infinity');
      return { start: start.sql, end: end.sql, timestamp: start.timestamp || end.timestamp };
    }
    const value = this.operand(node);
    if (!isInstant(value.type)) {
      this.fail(`temporal predicates compare dates, timestamps and intervals, not a ${value.type}`);
    }
    return { start: value.sql, end: value.sql, timestamp: value.type === 'timestamp' };
  }

  bound(node: IntervalBound, open: string): { sql: Expression<unknown>; timestamp: boolean } {
    if (node.kind === 'open') return { sql: sql`${open}::date`, timestamp: false };
    const value = this.operand(node);
    if (!isInstant(value.type)) this.fail(`an INTERVAL end must be a date or timestamp`);
    // A missing end (an ongoing program or corridor) is unbounded.
    const sqlValue =
      node.kind === 'property' ? sql`coalesce(${value.sql}, ${open}::date)` : value.sql;
    return { sql: sqlValue, timestamp: value.type === 'timestamp' };
  }

  temporal(op: TemporalOperator, left: Operand, right: Operand): RawBuilder<SqlBool> {
    const a = this.period(left);
    const b = this.period(right);
    const cast = a.timestamp || b.timestamp ? 'timestamptz' : 'date';
    const as = (value: Expression<unknown>) => sql`(${value})::${sql.raw(cast)}`;
    const [aS, aE, bS, bE] = [as(a.start), as(a.end), as(b.start), as(b.end)];
    const relations: Record<TemporalOperator, RawBuilder<SqlBool>> = {
      t_after: sql`${aS} > ${bE}`,
      t_before: sql`${aE} < ${bS}`,
      t_contains: sql`(${aS} < ${bS} AND ${aE} > ${bE})`,
      t_disjoint: sql`(${aE} < ${bS} OR ${aS} > ${bE})`,
      t_during: sql`(${aS} > ${bS} AND ${aE} < ${bE})`,
      t_equals: sql`(${aS} = ${bS} AND ${aE} = ${bE})`,
      t_finishedby: sql`(${aS} < ${bS} AND ${aE} = ${bE})`,
      t_finishes: sql`(${aS} > ${bS} AND ${aE} = ${bE})`,
      t_intersects: sql`(${aS} <= ${bE} AND ${aE} >= ${bS})`,
      t_meets: sql`${aE} = ${bS}`,
      t_metby: sql`${aS} = ${bE}`,
      t_overlappedby: sql`(${aS} > ${bS} AND ${aS} < ${bE} AND ${aE} > ${bE})`,
      t_overlaps: sql`(${aS} < ${bS} AND ${aE} > ${bS} AND ${aE} < ${bE})`,
      t_startedby: sql`(${aS} = ${bS} AND ${aE} > ${bE})`,
      t_starts: sql`(${aS} = ${bS} AND ${aE} < ${bE})`,
    };
    return relations[op];
  }

  /** Two sides of an array predicate; a literal takes the item type of the property side. */
  arrays(left: Operand, right: Operand): [Value, Value] {
    const side = (node: Operand, other: Operand): Value => {
      if (node.kind !== 'array') {
        return this.expect(this.operand(node), 'array', 'array predicates');
      }
      const otherType =
        other.kind === 'array'
          ? undefined
          : this.expect(this.operand(other), 'array', 'array predicates').itemType;
      return this.array(node.items, otherType);
    };
    const a = side(left, right);
    const b = side(right, left);
    if (a.itemType !== b.itemType && !(a.itemType !== 'text' && b.itemType !== 'text')) {
      this.fail(`cannot compare an array of ${a.itemType} with an array of ${b.itemType}`);
    }
    return [a, b];
  }

  /** Both sides of a comparison, a string literal read as a date next to a date. */
  pair(left: Operand, right: Operand, what: string): [Value, Value] {
    let a = this.operand(left);
    let b = this.operand(right);
    if (isInstant(a.type) && right.kind === 'string') b = this.dateText(right.value, a.type);
    if (isInstant(b.type) && left.kind === 'string') a = this.dateText(left.value, b.type);
    if (!comparable(a.type, b.type))
      this.fail(`${what}: cannot compare a ${a.type} with a ${b.type}`);
    if (a.type === 'geometry' || a.type === 'array') {
      this.fail(`${what}: use S_… for geometries and A_… for arrays`);
    }
    return [a, b];
  }

  dateText(text: string, type: ValueType): Value {
    if (
      !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$/.test(text) ||
      Number.isNaN(Date.parse(text))
    ) {
      this.fail(`'${text}' is not a date (YYYY-MM-DD) or timestamp`);
    }
    return text.length === 10
      ? { sql: sql`${text}::date`, type: 'date' }
      : { sql: sql`${text}::timestamptz`, type: type === 'date' ? 'timestamp' : type };
  }

  /** A literal pattern ending in an unpaired backslash (PostgreSQL refuses it). */
  endsWithEscape(node: Operand): boolean {
    if (node.kind === 'casei' || node.kind === 'accenti') return this.endsWithEscape(node.arg);
    return node.kind === 'string' && /(^|[^\\])(\\\\)*\\$/.test(node.value);
  }

  condition(node: Condition): RawBuilder<SqlBool> {
    switch (node.kind) {
      case 'and':
      case 'or': {
        const parts = node.args.map((arg) => this.condition(arg));
        return sql<SqlBool>`(${sql.join(parts, sql.raw(node.kind === 'and' ? ' AND ' : ' OR '))})`;
      }
      case 'not':
        return sql<SqlBool>`(NOT ${this.condition(node.arg)})`;
      case 'boolean':
        return node.value ? sql<SqlBool>`TRUE` : sql<SqlBool>`FALSE`;
      case 'comparison': {
        const [a, b] = this.pair(node.args[0], node.args[1], node.op);
        return sql<SqlBool>`(${a.sql} ${sql.raw(node.op)} ${b.sql})`;
      }
      case 'like': {
        const value = this.expect(this.operand(node.args[0]), 'string', 'LIKE');
        const pattern = this.expect(this.operand(node.args[1]), 'string', 'a LIKE pattern');
        if (this.endsWithEscape(node.args[1])) {
          this.fail('a LIKE pattern must not end with the escape character \\');
        }
        return sql<SqlBool>`(${value.sql} LIKE ${pattern.sql})`;
      }
      case 'between': {
        const [value, low] = this.pair(node.args[0], node.args[1], 'BETWEEN');
        const [, high] = this.pair(node.args[0], node.args[2], 'BETWEEN');
        return sql<SqlBool>`(${value.sql} BETWEEN ${low.sql} AND ${high.sql})`;
      }
      case 'in': {
        const pairs = node.list.map((item) => this.pair(node.value, item, 'IN'));
        const value = pairs[0]![0];
        return sql<SqlBool>`(${value.sql} IN (${sql.join(pairs.map(([, item]) => item.sql))}))`;
      }
      case 'isNull':
        return sql<SqlBool>`(${this.operand(node.arg).sql} IS NULL)`;
      case 'spatial': {
        const [a, b] = node.args.map((arg) =>
          this.expect(this.operand(arg), 'geometry', node.op.toUpperCase()),
        ) as [Value, Value];
        return sql<SqlBool>`${sql.raw(SPATIAL_FUNCTIONS[node.op])}(${a.sql}, ${b.sql})`;
      }
      case 'temporal':
        return this.temporal(node.op, node.args[0], node.args[1]);
      case 'arrayPredicate': {
        const [a, b] = this.arrays(node.args[0], node.args[1]);
        // smallint[] (goals) and integer[] literals have no common operator: compare as numbers.
        const numeric = a.itemType !== 'text';
        const side = (value: Value) =>
          numeric ? sql`(${value.sql})::double precision[]` : value.sql;
        return sql<SqlBool>`(${side(a)} ${sql.raw(ARRAY_SQL[node.op])} ${side(b)})`;
      }
    }
  }
}

/** The SQL condition of a filter tree over a collection's queryables (FilterError when unusable). */
export function filterToSql(
  tree: Condition,
  queryables: Queryables,
  parameter = 'filter',
): RawBuilder<SqlBool> {
  return new Compiler(queryables, parameter).condition(tree);
}
