// The filters of a tile request: checked against the tileset (a filter none of its layers
// understands is a mistake, not a no-op) and written back in one canonical order, for the
// TileJSON `tiles` template and the ETag.
import { HttpError } from '../../registry';
import { FILTER_NAMES, type Tileset } from './catalog';
import type { TileQuery } from './schemas';

export type TileFilters = TileQuery;

export function checkFilters(tileset: Tileset, query: TileQuery): TileFilters {
  for (const name of FILTER_NAMES) {
    if (query[name] !== undefined && !tileset.filters.has(name)) {
      const understood = [...tileset.filters].join(', ');
      throw new HttpError(
        400,
        `filter '${name}' does not apply to tileset '${tileset.id}' (its filters: ${understood})`,
      );
    }
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new HttpError(400, `'from' (${query.from}) is after 'to' (${query.to})`);
  }
  if (query.fyFrom !== undefined && query.fyTo !== undefined && query.fyFrom > query.fyTo) {
    throw new HttpError(400, `'fyFrom' (${query.fyFrom}) is after 'fyTo' (${query.fyTo})`);
  }
  return query;
}

/** `country=GT&line=prevention` in FILTER_NAMES order ('' without filters). */
export function filterQueryString(filters: TileFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined) params.set(name, String(value));
  }
  return params.toString();
}
