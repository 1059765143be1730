// Area of interest: what lies inside a drawn polygon or a department. PostGIS selects the sites,
// communities and incidents inside (index `&&`, then ST_Intersects) and clips the corridors;
// funding is attributed by each program's share of sites inside (exact dollars).
import { asGeoJSON, geomFromGeoJSON } from '@atlas/db';
import {
  fundingShare,
  fundingSummary,
  programTotals,
  type FundingRow,
  type MultiPolygon,
  type PlaceGeometry,
  type Polygon,
} from '@atlas/domain';
import { sql, type Expression, type SqlBool } from 'kysely';
import { notFound } from '../../registry';
import { programsWithFunding } from './program-funding';
import type { AnalysisDb } from './run';
import { communityFigures, corridorLengths, incidentCounts, type Area } from './scope-figures';
import { sitesNear } from './site-candidates';

export type AreaInput = { department: string } | { geometry: Polygon | MultiPolygon };

async function resolveArea(trx: AnalysisDb, input: AreaInput) {
  if ('department' in input) {
    const row = await trx
      .selectFrom('departments')
      .select(['code', 'country', 'name', 'nameEs'])
      .where('code', '=', input.department)
      .executeTakeFirst();
    if (!row) throw notFound('department');
    const geometry = sql`(SELECT geom FROM departments WHERE code = ${row.code})`;
    return {
      // Inside by geometry, like a drawn polygon (the summary counts by stored department).
      area: { kind: 'polygon', geometry } as Area,
      geometry,
      label: { kind: 'department', code: row.code, name: row.name, nameEs: row.nameEs },
    };
  }
  const geometry = geomFromGeoJSON(input.geometry);
  return {
    area: { kind: 'polygon', geometry } as Area,
    geometry,
    label: { kind: 'polygon', code: null, name: null, nameEs: null },
  };
}

export async function areaOfInterestResult(trx: AnalysisDb, input: AreaInput, radiusM: number) {
  const { area, geometry, label } = await resolveArea(trx, input);
  const inside = (column: string): Expression<SqlBool> =>
    sql<SqlBool>`(${sql.ref(column)} && ${geometry} AND ST_Intersects(${sql.ref(column)}, ${geometry}))`;
  const [areaRow, sites, communities] = await Promise.all([
    sql<{
      areaM2: number;
    }>`SELECT ST_Area(${geometry}::geography, false)::float8 AS area_m2`.execute(trx),
    sitesNear(trx, { status: 'any' }, { where: inside('sites.geom') }),
    trx
      .selectFrom('communities')
      .select([
        'id as communityId',
        'name',
        'country',
        'department',
        'population',
        'homicideRate',
        'year',
        asGeoJSON<PlaceGeometry>('geom').as('geometry'),
      ])
      .where('deletedAt', 'is', null)
      .where(inside('communities.geom'))
      .orderBy('homicideRate', 'desc')
      .orderBy('id')
      .execute(),
  ]);
  const insideCount = new Map<string, number>();
  for (const site of sites) {
    const id = site.properties.programId;
    insideCount.set(id, (insideCount.get(id) ?? 0) + 1);
  }
  const programs = await programsWithFunding(
    trx,
    insideCount.size === 0
      ? sql<SqlBool>`FALSE`
      : sql<SqlBool>`programs.id IN (${sql.join([...insideCount.keys()])})`,
  );
  const attributed: {
    line: (typeof programs)[number]['line'];
    goals: number[];
    funding: FundingRow[];
  }[] = [];
  const listed = programs.map((program) => {
    const sitesInside = insideCount.get(program.id) ?? 0;
    const sitesTotal = program.sites.length;
    attributed.push({
      line: program.line,
      goals: program.goals,
      funding: fundingShare(program.funding, [sitesInside, sitesTotal - sitesInside], 0),
    });
    return {
      id: program.id,
      code: program.code,
      title: program.title,
      line: program.line,
      status: program.status,
      sitesInside,
      sitesTotal,
      totals: programTotals(program.funding),
    };
  });
  const summary = fundingSummary(attributed as Parameters<typeof fundingSummary>[0]);
  const [corridors, incidents, communityData] = await Promise.all([
    corridorLengths(trx, area),
    incidentCounts(trx, area),
    communityFigures(trx, area, radiusM),
  ]);
  return {
    area: { ...label, areaM2: areaRow.rows[0]!.areaM2 },
    programs: listed,
    sites: {
      type: 'FeatureCollection',
      features: sites.map((site) => ({
        type: 'Feature',
        id: site.properties.siteId,
        geometry: site.geometry,
        properties: site.properties,
      })),
    },
    funding: {
      programsTotals: programTotals(programs.flatMap((program) => program.funding)),
      attributed: summary.totals,
      byLine: summary.byLine,
    },
    corridors,
    incidents,
    communities: {
      ...communityData.communities,
      features: {
        type: 'FeatureCollection',
        features: communities.map(({ geometry, ...properties }) => ({
          type: 'Feature',
          id: properties.communityId,
          geometry,
          properties,
        })),
      },
    },
    coverage: communityData.coverage,
  };
}
