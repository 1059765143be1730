// CQL2 (OGC 21-065r2) for `filter`: both encodings into one tree, then into SQL.
export { FilterError } from './errors';
export { readCql2Json } from './json';
export { queryableSchema, type Queryable, type Queryables, type QueryableType } from './queryables';
export { filterToSql } from './sql';
export { MAX_FILTER_LENGTH, parseCql2Text } from './text';
export type { Condition, Operand } from './tree';

import { readCql2Json } from './json';
import { parseCql2Text } from './text';
import type { Condition } from './tree';

export const FILTER_LANGUAGES = ['cql2-text', 'cql2-json'] as const;
export type FilterLanguage = (typeof FILTER_LANGUAGES)[number];

/** Reads a `filter` parameter in the given language. */
export function parseFilter(
  text: string,
  language: FilterLanguage,
  parameter = 'filter',
): Condition {
  return language === 'cql2-json' ? readCql2Json(text, parameter) : parseCql2Text(text, parameter);
}
