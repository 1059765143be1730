// Reads the API's own /openapi.json (built from the registered routes' schemas) into what the
// injection test needs: every operation, its query and path parameters, the string fields of
// its JSON body, and a body that satisfies the schema's required fields.
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  schema?: Schema;
}
interface OperationDoc {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { schemas?: Record<string, unknown> };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The schema with every `$ref` to the document's components replaced by its target. */
function resolve<T>(schema: T, document: OpenApi, depth = 12): T {
  if (depth === 0 || typeof schema !== 'object' || schema === null) return schema;
  if (Array.isArray(schema))
    return (schema as unknown[]).map((item) => resolve(item, document, depth - 1)) as T;
  const ref = (schema as { $ref?: string }).$ref;
  if (ref?.startsWith('#/components/schemas/')) {
    const target = document.components?.schemas?.[ref.slice('#/components/schemas/'.length)];
    return resolve(target as T, document, depth - 1);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, resolve(value, document, depth - 1)]),
  ) as T;
}

export function operationsOf(document: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const doc = byMethod[method];
      if (!doc) continue;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: (doc.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path'),
        body: resolve(doc.requestBody?.content?.['application/json']?.schema, document),
      });
    }
  }
  return operations;
}

const options = (schema: Schema) => [
  ...(schema.anyOf ?? []),
  ...(schema.oneOf ?? []),
  ...(schema.allOf ?? []),
];
const types = (schema: Schema) =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

/** Paths (keys, array index 0) of every field that accepts a string, down to `depth` levels. */
export function stringFields(schema: Schema, depth = 3, at: (string | number)[] = []): string[][] {
  if (depth < 0) return [];
  const found: (string | number)[][] = [];
  const takesString =
    types(schema).includes('string') || options(schema).some((o) => types(o).includes('string'));
  if (takesString && at.length > 0) found.push(at);
  for (const [key, property] of Object.entries(schema.properties ?? {}))
    found.push(...stringFields(property, depth - 1, [...at, key]));
  if (schema.items) found.push(...stringFields(schema.items, depth - 1, [...at, 0]));
  for (const option of options(schema)) {
    if (types(option).includes('string')) continue;
    found.push(...stringFields(option, depth, at).filter((p) => p.length > at.length));
  }
  const unique = new Map(found.map((path) => [path.join('.'), path.map(String)]));
  return [...unique.values()];
}

/** A value for each required field (the first enum value, a plausible string, the minimum…). */
export function minimalBody(schema: Schema, ids: { uuid: string }): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = options(schema).filter((o) => !types(o).includes('null'));
  if (alternatives.length > 0 && !schema.properties) return minimalBody(alternatives[0]!, ids);
  const type = types(schema).find((t) => t !== 'null');
  switch (type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const key of schema.required ?? [])
        body[key] = minimalBody(schema.properties?.[key] ?? {}, ids);
      return body;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        minimalBody(schema.items ?? {}, ids),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return ids.uuid;
      if (schema.format === 'date') return '2022-03-04';
      if (schema.format === 'date-time') return '2022-03-04T00:00:00Z';
      if (schema.format === 'email') return 'injection@test.example.org';
      return 'Injection test'.padEnd(schema.minLength ?? 0, '.');
    default:
      return null;
  }
}

/** A deep copy of `body` with `value` at `path` (objects and arrays made where missing). */
export function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  path.forEach((key, position) => {
    if (position === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[position + 1] === '0' ? [] : {};
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = next;
    node = node[key] as Record<string, unknown>;
  });
  return copy;
}
