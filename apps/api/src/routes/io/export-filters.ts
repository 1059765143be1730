// The query of GET /api/v1/exports/<collection>: the collection's REST list filters (the same
// schema, without paging and sort), a selection of ids, the format and the CSV options. The
// filters are turned into SQL by the same code as the lists (see export-pages.ts).
import Type, { type Static, type TObject, type TProperties } from 'typebox';
import { CommunityListQuery } from '../communities/schemas';
import { CorridorListQuery } from '../corridors/schemas';
import { IncidentListQuery } from '../incidents/schemas';
import { ProgramListQuery } from '../programs/schemas';
import { SiteListQuery } from '../sites/schemas';
import type { Collection } from './fields';

const exportOptions = {
  format: Type.Optional(
    Type.Union([Type.Literal('csv'), Type.Literal('geojson'), Type.Literal('iati')]),
  ),
  ids: Type.Optional(
    Type.String({ description: 'Comma-separated record ids (a selection; filters still apply)' }),
  ),
  columns: Type.Optional(Type.String({ description: 'Comma-separated CSV columns' })),
  names: Type.Optional(Type.Boolean({ default: true })),
  lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('es')])),
};

/** The list query's filters: everything but paging and sort. */
function listFilters<P extends TProperties>(list: TObject<P>) {
  const {
    limit: _limit,
    offset: _offset,
    sort: _sort,
    ...filters
  } = list.properties as P & {
    limit?: unknown;
    offset?: unknown;
    sort?: unknown;
  };
  return filters as Omit<P, 'limit' | 'offset' | 'sort'>;
}

function exportQuery<P extends TProperties>(list: TObject<P>) {
  return Type.Object({ ...listFilters(list), ...exportOptions }, { additionalProperties: false });
}

export const EXPORT_QUERIES = {
  programs: exportQuery(ProgramListQuery),
  sites: exportQuery(SiteListQuery),
  corridors: exportQuery(CorridorListQuery),
  communities: exportQuery(CommunityListQuery),
  incidents: exportQuery(IncidentListQuery),
} as const satisfies Record<Collection, TObject>;

/** Any collection's export query as the route sees it. */
export type AnyExportQuery = Static<(typeof EXPORT_QUERIES)[Collection]> & {
  format?: 'csv' | 'geojson' | 'iati';
  ids?: string;
  columns?: string;
  names?: boolean;
  lang?: 'en' | 'es';
  bbox?: string;
};

/** The query without the export's own options: the list filters, bbox still as text. */
export function filtersOf(query: AnyExportQuery): Record<string, unknown> {
  const { format: _f, ids: _i, columns: _c, names: _n, lang: _l, ...filters } = query;
  return filters;
}
