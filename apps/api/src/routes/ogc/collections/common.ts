// Queryables and read-only properties every record collection shares.
import type { Queryables } from '../cql2';

/** Record metadata: never input (the store sets it). */
export const READ_ONLY = ['id', 'version', 'createdAt', 'updatedAt', 'deletedAt'] as const;

export const META_QUERYABLES = (table: string): Queryables => ({
  id: { type: 'string', column: `${table}.id`, description: 'Identifier (UUID)' },
  version: { type: 'integer', column: `${table}.version`, description: 'Version (the ETag)' },
  updatedAt: { type: 'timestamp', column: `${table}.updatedAt`, description: 'Last change' },
  illustrative: {
    type: 'boolean',
    column: `${table}.illustrative`,
    description: 'Illustrative sample data, not real records',
  },
});

/** The feature properties: every queryable but the geometry, then the extra ones. */
export function propertyNames(queryables: Queryables, extra: readonly string[] = []): string[] {
  const names = Object.keys(queryables).filter((name) => queryables[name]?.type !== 'geometry');
  return [...new Set([...names, ...extra])];
}
