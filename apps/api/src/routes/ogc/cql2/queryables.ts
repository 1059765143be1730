// What a filter may name: each collection's allowlist of properties, with their SQL and type.
// The JSON Schema of /collections/{id}/queryables is built from the same list.
import type { Expression } from 'kysely';

export type QueryableType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'geometry'
  | 'string-array'
  | 'integer-array';

export interface Queryable {
  type: QueryableType;
  /** The column (`table.column`, camelCase) or SQL expression the property reads. */
  column: string | Expression<unknown>;
  description: string;
  /** The codes a string (or string-array item) may take. */
  enum?: readonly string[];
  /** For geometries: the JSON Schema format (`geometry-point`, `geometry-any`…). */
  format?: string;
  /** True when the value may be null. */
  nullable?: boolean;
}

export type Queryables = Readonly<Record<string, Queryable>>;

const GEOJSON_SCHEMA = 'https://geojson.org/schema/';

/** One property of the queryables document (OGC API Features Part 3, JSON Schema 2020-12). */
export function queryableSchema(name: string, queryable: Queryable): Record<string, unknown> {
  const base = { title: name, description: queryable.description };
  const enumOf = queryable.enum ? { enum: [...queryable.enum] } : {};
  switch (queryable.type) {
    case 'geometry':
      return {
        ...base,
        format: queryable.format ?? 'geometry-any',
        $ref: `${GEOJSON_SCHEMA}Geometry.json`,
        'x-ogc-role': 'primary-geometry',
      };
    case 'date':
      return { ...base, type: nullableType('string', queryable), format: 'date' };
    case 'timestamp':
      return { ...base, type: nullableType('string', queryable), format: 'date-time' };
    case 'string-array':
      return { ...base, type: 'array', items: { type: 'string', ...enumOf } };
    case 'integer-array':
      return { ...base, type: 'array', items: { type: 'integer' } };
    default:
      return { ...base, type: nullableType(queryable.type, queryable), ...enumOf };
  }
}

function nullableType(type: string, queryable: Queryable): string | string[] {
  return queryable.nullable ? [type, 'null'] : type;
}
