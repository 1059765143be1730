// Sites as GeoJSON features (bound parameters only). Sites of deleted programs are left out.
import { asGeoJSON, envelope, type Database } from '@atlas/db';
import { bboxCrossesAntimeridian, type BBox, type SiteGeometry } from '@atlas/domain';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { SiteFeature } from './schemas';

export interface SiteFilters {
  bbox?: BBox;
  programId?: string;
}

/** Boxes crossing the antimeridian are split in two, so `&&` can use the GiST index. */
function bboxPredicate(bbox: BBox): Expression<SqlBool> {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const boxes: BBox[] = bboxCrossesAntimeridian(bbox)
    ? [
        [minLon, minLat, 180, maxLat],
        [-180, minLat, maxLon, maxLat],
      ]
    : [bbox];
  const tests = boxes.map((box) => sql<SqlBool>`ST_Intersects(sites.geom, ${envelope(box)})`);
  return sql<SqlBool>`(${sql.join(tests, sql` OR `)})`;
}

function filteredSites(db: Kysely<Database>, filters: SiteFilters) {
  let query = db
    .selectFrom('sites')
    .innerJoin('programs', 'programs.id', 'sites.programId')
    .where('sites.deletedAt', 'is', null)
    .where('programs.deletedAt', 'is', null);
  if (filters.bbox) query = query.where(bboxPredicate(filters.bbox));
  if (filters.programId) query = query.where('sites.programId', '=', filters.programId);
  return query;
}

export function createSiteRepository(db: Kysely<Database>) {
  return {
    async list(
      filters: SiteFilters,
      page: { limit: number; offset: number },
    ): Promise<{ features: SiteFeature[]; numberMatched: number }> {
      const counted = await filteredSites(db, filters)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      const rows = await filteredSites(db, filters)
        .select([
          'sites.id',
          'sites.programId',
          'sites.name',
          'sites.precision',
          'sites.country',
          'sites.department',
          'programs.title as programTitle',
          'programs.line',
          asGeoJSON<SiteGeometry>('sites.geom').as('geometry'),
        ])
        .orderBy('programs.code')
        .orderBy('sites.name')
        .orderBy('sites.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const features = rows.map(({ geometry, ...properties }) => ({
        type: 'Feature' as const,
        id: properties.id,
        geometry,
        properties,
      }));
      return { features, numberMatched: counted.count };
    },
  };
}
