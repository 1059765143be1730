// The one tree both CQL2 encodings are read into (cql2-text by the peggy grammar, cql2-json by
// ./json.ts), and that ./sql.ts turns into a WHERE condition. Literals keep their CQL2 type;
// property names are checked against the collection's queryables only when compiling.
import type { Geometry } from 'geojson';

export const COMPARISON_OPERATORS = ['=', '<>', '<', '>', '<=', '>='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const SPATIAL_OPERATORS = [
  's_intersects',
  's_equals',
  's_disjoint',
  's_touches',
  's_within',
  's_overlaps',
  's_crosses',
  's_contains',
] as const;
export type SpatialOperator = (typeof SPATIAL_OPERATORS)[number];

export const TEMPORAL_OPERATORS = [
  't_after',
  't_before',
  't_contains',
  't_disjoint',
  't_during',
  't_equals',
  't_finishedby',
  't_finishes',
  't_intersects',
  't_meets',
  't_metby',
  't_overlappedby',
  't_overlaps',
  't_startedby',
  't_starts',
] as const;
export type TemporalOperator = (typeof TEMPORAL_OPERATORS)[number];

export const ARRAY_OPERATORS = ['a_equals', 'a_contains', 'a_containedby', 'a_overlaps'] as const;
export type ArrayOperator = (typeof ARRAY_OPERATORS)[number];

export const ARITHMETIC_OPERATORS = ['+', '-', '*', '/', '%', 'div', '^'] as const;
export type ArithmeticOperator = (typeof ARITHMETIC_OPERATORS)[number];

/** A value: literal, property, function call or a computation of values. */
export type Operand =
  | { kind: 'property'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: string }
  | { kind: 'timestamp'; value: string }
  | { kind: 'interval'; start: IntervalBound; end: IntervalBound }
  | { kind: 'geometry'; geometry: Geometry }
  | { kind: 'bbox'; bbox: number[] }
  | { kind: 'casei'; arg: Operand }
  | { kind: 'accenti'; arg: Operand }
  | { kind: 'arithmetic'; op: ArithmeticOperator; args: [Operand, Operand] }
  | { kind: 'array'; items: Operand[] }
  | { kind: 'function'; name: string; args: Operand[] };

/** One end of an INTERVAL: an instant, a property or function, or `..` (unbounded). */
export type IntervalBound = Operand | { kind: 'open' };

/** A condition: what a `filter` is. */
export type Condition =
  | { kind: 'and' | 'or'; args: Condition[] }
  | { kind: 'not'; arg: Condition }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'comparison'; op: ComparisonOperator; args: [Operand, Operand] }
  | { kind: 'like'; args: [Operand, Operand] }
  | { kind: 'between'; args: [Operand, Operand, Operand] }
  | { kind: 'in'; value: Operand; list: Operand[] }
  | { kind: 'isNull'; arg: Operand }
  | { kind: 'spatial'; op: SpatialOperator; args: [Operand, Operand] }
  | { kind: 'temporal'; op: TemporalOperator; args: [Operand, Operand] }
  | { kind: 'arrayPredicate'; op: ArrayOperator; args: [Operand, Operand] };
