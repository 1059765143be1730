// The items request (OGC API Features Part 1 and 3) -> the layer query: bbox, datetime, the
// CQL2 filter, the registry's filters, sortby, paging; and which properties to answer.
import { sql, type Expression, type SqlBool } from 'kysely';
import { bboxOf, bboxPredicate, HttpError } from '../../registry';
import type { ItemsQuery, OgcCollection } from './collection';
import { FilterError, filterToSql, parseFilter, type FilterLanguage } from './cql2';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** The OGC query parameters (the registry's filters are the rest). */
export interface OgcItemsParameters {
  limit: number;
  offset: number;
  bbox?: string;
  'bbox-crs'?: string;
  datetime?: string;
  filter?: string;
  'filter-lang'?: FilterLanguage;
  'filter-crs'?: string;
  properties?: string;
  skipGeometry?: boolean;
  sortby?: string;
}

export const OGC_PARAMETERS = [
  'limit',
  'offset',
  'bbox',
  'bbox-crs',
  'datetime',
  'filter',
  'filter-lang',
  'filter-crs',
  'properties',
  'skipGeometry',
  'sortby',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 date or date-time as its UTC date (the layers' dates are days). */
function dayOf(text: string): string {
  const time = DATE.test(text)
    ? Date.parse(`${text}T00:00:00Z`)
    : DATE_TIME.test(text)
      ? Date.parse(text)
      : NaN;
  const day = Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
  // A real calendar day (not 2011-02-30), from year 1 on (PostgreSQL has no year 0).
  if (/^\d{4}-/.test(day) && day >= '0001' && (!DATE.test(text) || day === text)) return day;
  throw new FilterError(
    `'${text}' is not an RFC 3339 date (2011-06-01) or date-time (2011-06-01T12:00:00Z)`,
    'datetime',
  );
}

/** `instant`, `start/end`, `../end`, `start/..` (an empty end is open too). */
export function parseDatetime(text: string): { start: string | null; end: string | null } {
  const parts = text.split('/');
  if (parts.length === 1) {
    const day = dayOf(text);
    return { start: day, end: day };
  }
  if (parts.length !== 2) throw new FilterError('an instant or one interval start/end', 'datetime');
  const [from = '', to = ''] = parts;
  const open = (value: string) => value === '' || value === '..';
  if (open(from) && open(to))
    throw new FilterError('an interval needs at least one end', 'datetime');
  const start = open(from) ? null : dayOf(from);
  const end = open(to) ? null : dayOf(to);
  if (start !== null && end !== null && start > end) {
    throw new FilterError('the interval ends before it starts', 'datetime');
  }
  return { start, end };
}

function datetimeCondition(collection: OgcCollection, text: string): Expression<SqlBool> {
  if (!collection.temporal) {
    throw new FilterError(`the ${collection.id} collection has no dates to select on`, 'datetime');
  }
  const { start, end } = parseDatetime(text);
  const first = collection.temporal.start;
  // An open end (null) means the period goes on: it reaches every later day.
  const last = collection.temporal.end
    ? sql`coalesce(${collection.temporal.end}, 'infinity'::date)`
    : first;
  const conditions: Expression<SqlBool>[] = [];
  if (end !== null) conditions.push(sql<SqlBool>`${first} <= ${end}::date`);
  if (start !== null) conditions.push(sql<SqlBool>`${last} >= ${start}::date`);
  return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
}

function sortTerms(collection: OgcCollection, sortby: string | undefined): Expression<unknown>[] {
  const terms: Expression<unknown>[] = [];
  for (const raw of (sortby ?? '').split(',').filter((key) => key.trim() !== '')) {
    const key = raw.trim();
    const descending = key.startsWith('-');
    const name = key.replace(/^[+-]/, '');
    const queryable = Object.hasOwn(collection.queryables, name)
      ? collection.queryables[name]
      : undefined;
    if (!queryable || queryable.type === 'geometry') {
      const allowed = Object.entries(collection.queryables)
        .filter(([, entry]) => entry.type !== 'geometry')
        .map(([sortable]) => sortable);
      throw new FilterError(
        `unknown sort key '${name}'; sortable: ${allowed.join(', ')} (prefix - for descending)`,
        'sortby',
      );
    }
    const column =
      typeof queryable.column === 'string' ? sql.ref(queryable.column) : queryable.column;
    terms.push(sql`${column} ${sql.raw(descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST')}`);
  }
  return [...terms, sql`${sql.ref(collection.idColumn)} ASC`];
}

/** The properties to answer (`properties=a,b`), each from the collection's list. */
export function selectedProperties(
  collection: OgcCollection,
  text: string | undefined,
): readonly string[] | null {
  if (text === undefined) return null;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!collection.properties.includes(name)) {
      throw new FilterError(
        `unknown property '${name}'; the properties are: ${collection.properties.join(', ')}`,
        'properties',
      );
    }
  }
  return names;
}

function assertCrs84(value: string | undefined, parameter: string) {
  if (value !== undefined && value !== CRS84) {
    throw new HttpError(400, `${parameter}: only ${CRS84} is offered`);
  }
}

/** The layer query of an items request. */
export function itemsQuery(
  collection: OgcCollection,
  parameters: OgcItemsParameters,
  filters: Record<string, unknown>,
): ItemsQuery {
  assertCrs84(parameters['bbox-crs'], 'bbox-crs');
  assertCrs84(parameters['filter-crs'], 'filter-crs');
  const where: Expression<SqlBool>[] = [];
  const bbox = bboxOf(parameters.bbox);
  if (bbox) where.push(bboxPredicate(collection.geometry, bbox));
  if (parameters.datetime !== undefined)
    where.push(datetimeCondition(collection, parameters.datetime));
  if (parameters.filter !== undefined) {
    const tree = parseFilter(parameters.filter, parameters['filter-lang'] ?? 'cql2-text');
    where.push(filterToSql(tree, collection.queryables));
  }
  return {
    filters,
    where,
    order: sortTerms(collection, parameters.sortby),
    limit: parameters.limit,
    offset: parameters.offset,
  };
}

/**
 * A database "data exception" (SQLSTATE class 22: division by zero, numeric overflow, a date out
 * of range…) raised while evaluating the request's filter, bbox or datetime: the request's
 * fault, so a 400 naming the filter (or datetime) with PostgreSQL's short reason; else undefined.
 */
export function evaluationError(
  error: unknown,
  parameters: OgcItemsParameters,
): FilterError | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  if (typeof code !== 'string' || !code.startsWith('22')) return undefined;
  const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : code;
  const parameter = parameters.filter !== undefined ? 'filter' : 'datetime';
  return new FilterError(`cannot be evaluated on these features: ${reason}`, parameter);
}
