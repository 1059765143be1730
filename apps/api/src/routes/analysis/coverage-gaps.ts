// Coverage gaps: PostGIS lists the communities at risk and, for each, its candidate prevention
// sites (one within the radius, or else its nearest few by KNN; LATERAL joins on the index);
// @atlas/domain measures great-circle distances to each community's own candidates only and
// ranks the uncovered communities by need.
import { asGeoJSON } from '@atlas/db';
import { coverageGaps, kmToM, type PlaceGeometry } from '@atlas/domain';
import { sql } from 'kysely';
import type { AnalysisDb } from './run';
import type { CoverageGapsQuery } from './schemas';
import { sitesNear, type SiteCandidate } from './site-candidates';
import { siteRef } from './site-ref';
import { withinMetres } from './sql';

/** KNN candidates per uncovered community; the true nearest is among them unless sites crowd at
 * one distance. The radius test is PostGIS's exact one (`ST_DWithin` on the sphere). */
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
  const site = sql`sites s JOIN programs p ON p.id = s.program_id
    WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND p.line = 'prevention' AND ${status}`;
  // A covered community needs one site within the radius (its nearest is not reported); only
  // the others need candidates for their nearest: their few nearest by KNN on sites_geom_gist.
  const pairs = await sql<{ communityId: string; siteId: string }>`
    WITH community AS MATERIALIZED (
      SELECT c.id, c.geom FROM communities c
      WHERE c.deleted_at IS NULL AND c.homicide_rate >= ${query.minHomicideRate} AND ${scope}
    ), covering AS MATERIALIZED (
      SELECT c.id AS community_id, s.id AS site_id
      FROM community c
      CROSS JOIN LATERAL (
        SELECT s.id FROM ${site} AND ${withinMetres(sql.ref('s.geom'), sql.ref('c.geom'), radiusM)}
        LIMIT 1
      ) AS s
    )
    SELECT community_id, site_id FROM covering
    UNION ALL
    SELECT c.id, nearest.id
    FROM community c
    CROSS JOIN LATERAL (
      SELECT s.id FROM ${site} ORDER BY s.geom <-> c.geom LIMIT ${KNN_CANDIDATES}
    ) AS nearest
    WHERE NOT EXISTS (SELECT 1 FROM covering w WHERE w.community_id = c.id)
  `.execute(trx);
  const candidateIds = new Map<string, string[]>();
  for (const { communityId, siteId } of pairs.rows) {
    const ids = candidateIds.get(communityId);
    if (ids) ids.push(siteId);
    else candidateIds.set(communityId, [siteId]);
  }
  const wanted = [...new Set(pairs.rows.map((row) => row.siteId))];
  const byId = new Map<string, SiteCandidate>(
    (await sitesNear(trx, filters, { ids: wanted })).map((s) => [s.properties.siteId, s]),
  );
  const result = coverageGaps(
    rows.map(({ geometry, ...properties }) => ({ geometry, properties })),
    [...byId.values()],
    radiusM,
    {
      candidatesOf: (community) =>
        (candidateIds.get(community.properties.communityId) ?? []).flatMap((id) => {
          const candidate = byId.get(id);
          return candidate ? [candidate] : [];
        }),
    },
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
