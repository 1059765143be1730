// Coverage gaps: PostGIS lists the communities at risk and, for each, its nearest prevention
// sites by KNN (a LATERAL join on the index); @atlas/domain measures great-circle distances
// over those candidates and ranks the uncovered communities by need.
import { asGeoJSON } from '@atlas/db';
import { coverageGaps, kmToM, type PlaceGeometry } from '@atlas/domain';
import { sql, type SqlBool } from 'kysely';
import type { AnalysisDb } from './run';
import type { CoverageGapsQuery } from './schemas';
import { sitesNear, type SiteCandidate } from './site-candidates';
import { siteRef } from './site-ref';
import { withinMetres } from './sql';

/** KNN candidates per community; the true nearest is among them unless sites crowd at one
 * distance, and the radius test is exact regardless (every site within it is fetched). */
const KNN_CANDIDATES = 8;

export async function coverageGapsResult(trx: AnalysisDb, query: CoverageGapsQuery) {
  let communities = trx
    .selectFrom('communities')
    .where('communities.deletedAt', 'is', null)
    .where('communities.homicideRate', '>=', query.minHomicideRate)
    .select([
      'communities.id as communityId',
      'communities.name',
      'communities.country',
      'communities.department',
      'communities.population',
      'communities.homicideRate',
      'communities.year',
      asGeoJSON<PlaceGeometry>('communities.geom').as('geometry'),
    ]);
  if (query.country) communities = communities.where('communities.country', '=', query.country);
  const rows = await communities.orderBy('communities.id').execute();
  const radiusM = kmToM(query.radiusKm);
  const filters = { line: 'prevention' as const, status: query.status };
  const status = query.status === 'any' ? sql`TRUE` : sql`p.status = ${query.status}`;
  const scope = query.country ? sql`c.country = ${query.country}` : sql`TRUE`;
  // Nearest candidates of every community in one statement (KNN on sites_geom_gist).
  const knnIds = await sql<{ siteId: string }>`
    SELECT DISTINCT nearest.id AS site_id
    FROM communities c
    CROSS JOIN LATERAL (
      SELECT s.id FROM sites s JOIN programs p ON p.id = s.program_id
      WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND p.line = 'prevention' AND ${status}
      ORDER BY s.geom <-> c.geom LIMIT ${KNN_CANDIDATES}
    ) AS nearest
    WHERE c.deleted_at IS NULL AND c.homicide_rate >= ${query.minHomicideRate} AND ${scope}
  `.execute(trx);
  const wanted = new Set(knnIds.rows.map((row) => row.siteId));
  // Plus every site within the radius of a community, so "covered" never depends on KNN order.
  const near = await sitesNear(trx, filters, {
    where: sql<SqlBool>`EXISTS (SELECT 1 FROM communities c
      WHERE c.deleted_at IS NULL AND c.homicide_rate >= ${query.minHomicideRate} AND ${scope}
        AND ${withinMetres(sql.ref('c.geom'), sql.ref('sites.geom'), radiusM)})`,
  });
  const byId = new Map<string, SiteCandidate>(near.map((site) => [site.properties.siteId, site]));
  const missing = [...wanted].filter((id) => !byId.has(id));
  for (const site of await sitesNear(trx, filters, { ids: missing })) {
    byId.set(site.properties.siteId, site);
  }
  const result = coverageGaps(
    rows.map(({ geometry, ...properties }) => ({ geometry, properties })),
    [...byId.values()],
    radiusM,
  );
  const features = result.gaps.slice(0, query.limit).map((gap) => {
    const { nearestSite, ...properties } = gap.properties;
    return {
      ...gap,
      id: properties.communityId,
      properties: {
        ...properties,
        nearestSite: nearestSite
          ? siteRef(nearestSite.site, nearestSite.distanceM, nearestSite.geometry)
          : null,
      },
    };
  });
  return {
    counts: result.counts,
    population: result.population,
    gaps: { type: 'FeatureCollection', features },
  };
}
