// The records of an export, read a page at a time in id order (keyset: `id > last`, 1,000 rows
// per query, plus one query per page for programs' funding rows and indicators), so a large
// layer streams in bounded memory. The filters are the REST lists' own: the programs' and sites'
// repository filters and the map layers' sources (src/registry/layers.ts).
import { asGeoJSON, type Database } from '@atlas/db';
import type { SiteGeometry } from '@atlas/domain';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { iso, type LayerSource } from '../../registry';
import { communitySource } from '../communities/repository';
import { corridorSource } from '../corridors/repository';
import { incidentSource } from '../incidents/repository';
import {
  applyFilters,
  selectSummaries,
  summaryOf,
  type ProgramFilters,
} from '../programs/repository';
import { fundingByProgram, groupByProgram } from '../analysis/program-funding';
import { filteredSites, type SiteFilters } from '../sites/repository';
import type { Collection } from './fields';

/** Rows per query: large enough to make the round trips cheap, small enough to bound memory. */
export const EXPORT_PAGE = 1000;

export type AnyRecord = Record<string, unknown> & { id: string };

export interface ExportSelection {
  /** The collection's list filters (bbox parsed), as the REST list takes them. */
  filters: Record<string, unknown>;
  /** Only these records (the filters still apply). */
  ids?: readonly string[] | undefined;
}

/** Reads the page after `after` (null: the first page). */
type PageReader = (after: string | null) => Promise<AnyRecord[]>;

function keyset(column: string, after: string | null, ids: readonly string[] | undefined) {
  const conditions: Expression<SqlBool>[] = [];
  if (after !== null) conditions.push(sql<SqlBool>`${sql.ref(column)} > ${after}`);
  if (ids) conditions.push(sql<SqlBool>`${sql.ref(column)} IN (${sql.join([...ids])})`);
  return conditions;
}

function allOf(conditions: readonly Expression<SqlBool>[]): Expression<SqlBool> {
  return conditions.length === 0
    ? sql<SqlBool>`TRUE`
    : sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
}

function layerPages<Tables extends keyof Database, Row, Filters, Output extends object>(
  db: Kysely<Database>,
  source: LayerSource<Tables, Row, Filters, Output>,
  idColumn: string,
  selection: ExportSelection,
): PageReader {
  const filters = source.conditions(selection.filters as Filters, db);
  return async (after) => {
    const rows = await source
      .select(db)
      .where(allOf([...filters, ...keyset(idColumn, after, selection.ids)]))
      .orderBy(sql.ref(idColumn))
      .limit(EXPORT_PAGE)
      .execute();
    return rows.map((row) => source.record(row as Row) as unknown as AnyRecord);
  };
}

function sitePages(db: Kysely<Database>, selection: ExportSelection): PageReader {
  return async (after) => {
    const rows = await filteredSites(db, selection.filters as SiteFilters)
      .where(allOf(keyset('sites.id', after, selection.ids)))
      .select([
        'sites.id',
        'sites.programId',
        'sites.name',
        'sites.precision',
        'sites.description',
        'sites.illustrative',
        'sites.country',
        'sites.department',
        'sites.version',
        'sites.createdAt',
        'sites.updatedAt',
        'sites.deletedAt',
        asGeoJSON<SiteGeometry>('sites.geom').as('geometry'),
      ])
      .orderBy('sites.id')
      .limit(EXPORT_PAGE)
      .execute();
    return rows.map((row) => ({
      ...row,
      createdAt: iso(row.createdAt)!,
      updatedAt: iso(row.updatedAt)!,
      deletedAt: iso(row.deletedAt),
    }));
  };
}

/** Programs as GET /api/v1/programs/{id} answers them: funding rows, indicators, totals. */
function programPages(db: Kysely<Database>, selection: ExportSelection): PageReader {
  return async (after) => {
    const rows = await applyFilters(selectSummaries(db), selection.filters as ProgramFilters)
      .where(allOf(keyset('programs.id', after, selection.ids)))
      .orderBy('programs.id')
      .limit(EXPORT_PAGE)
      .execute();
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [fundingOf, indicators] = await Promise.all([
      fundingByProgram(db, ids),
      db
        .selectFrom('programIndicators')
        .select(['programId', 'code', 'name', 'unit', 'baseline', 'target', 'actual'])
        .where('programId', 'in', ids)
        .orderBy('programId')
        .orderBy('position')
        .execute(),
    ]);
    const indicatorsOf = groupByProgram(indicators);
    return rows.map((row) => ({
      ...summaryOf(row),
      funding: fundingOf.get(row.id) ?? [],
      indicators: indicatorsOf.get(row.id) ?? [],
    }));
  };
}

function pageReader(
  db: Kysely<Database>,
  collection: Collection,
  selection: ExportSelection,
): PageReader {
  switch (collection) {
    case 'programs':
      return programPages(db, selection);
    case 'sites':
      return sitePages(db, selection);
    case 'corridors':
      return layerPages(db, corridorSource, 'corridors.id', selection);
    case 'communities':
      return layerPages(db, communitySource, 'communities.id', selection);
    case 'incidents':
      return layerPages(db, incidentSource, 'incidents.id', selection);
  }
}

/** The selection's live records, a page (≤ EXPORT_PAGE) at a time, in id order. */
export async function* exportPages(
  db: Kysely<Database>,
  collection: Collection,
  selection: ExportSelection,
): AsyncGenerator<AnyRecord[]> {
  if (selection.ids?.length === 0) return;
  const read = pageReader(db, collection, selection);
  let after: string | null = null;
  for (;;) {
    const page = await read(after);
    if (page.length > 0) yield page;
    if (page.length < EXPORT_PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/**
 * The pages with the first one already read: a query that fails on a filter value (a NUL in
 * `q`, say) then fails before the answer starts, as an ordinary problem answer, rather than
 * cutting off a stream whose 200 status has been sent.
 */
export async function primedExportPages(
  db: Kysely<Database>,
  collection: Collection,
  selection: ExportSelection,
): Promise<AsyncIterable<AnyRecord[]>> {
  const pages = exportPages(db, collection, selection);
  const first = await pages.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* pages;
  })();
}

/** The records of the pages one by one. */
export async function* recordsOf(pages: AsyncIterable<AnyRecord[]>): AsyncGenerator<AnyRecord> {
  for await (const page of pages) yield* page;
}
