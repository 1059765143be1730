// Country, department or region summary: funding attributed exactly (see attributeFunding in
// @atlas/domain) and broken down; per inhabitant and per at-risk inhabitant; corridor length by
// mode, incidents, communities at risk and their coverage, aggregated by PostGIS. Countries
// carry their census; departments the sum of their GeoNames places (a lower bound).
import {
  attributeFunding,
  carsiCountryCodes,
  countryPopulations,
  departmentPopulation,
  fundingSummary,
  kmToM,
  perInhabitant,
  programLines,
  programStatuses,
  type CountryCode,
  type PopulationFigure,
  type SummaryScope,
} from '@atlas/domain';
import { sql, type SqlBool } from 'kysely';
import { BadInputError, notFound } from '../../registry';
import { programsWithFunding } from './program-funding';
import type { AnalysisDb } from './run';
import { enforcementCorridorCover } from './corridor-cover';
import { communityFigures, corridorLengths, incidentCounts, type Area } from './scope-figures';
import type { SummaryQuery } from './schemas';

async function resolveScope(trx: AnalysisDb, query: SummaryQuery) {
  if (query.department) {
    const row = await trx
      .selectFrom('departments')
      .select(['code', 'country', 'name', 'nameEs'])
      .where('code', '=', query.department)
      .executeTakeFirst();
    if (!row) throw notFound('department');
    return {
      scope: { kind: 'department', code: row.code, country: row.country } as SummaryScope,
      label: {
        kind: 'department',
        code: row.code,
        country: row.country,
        name: row.name,
        nameEs: row.nameEs,
      },
    };
  }
  if (query.country) {
    const row = await trx
      .selectFrom('countries')
      .select(['code', 'name', 'nameEs'])
      .where('code', '=', query.country)
      .executeTakeFirst();
    if (!row) throw notFound('country');
    return {
      scope: { kind: 'country', code: row.code } as SummaryScope,
      label: {
        kind: 'country',
        code: row.code,
        country: row.code,
        name: row.name,
        nameEs: row.nameEs,
      },
    };
  }
  return {
    scope: { kind: 'region' } as SummaryScope,
    label: {
      kind: 'region',
      code: null,
      country: null,
      name: 'CARSI region',
      nameEs: 'Región CARSI',
    },
  };
}

/** The seven members' censuses added up (the region's programs are in these countries). */
function regionPopulation(): PopulationFigure {
  const figures = carsiCountryCodes.map((code) => countryPopulations[code]);
  return {
    value: figures.reduce((sum, figure) => sum + figure.value, 0),
    year: Math.max(...figures.map((figure) => figure.year)),
    source: 'Sum of the seven CARSI members’ national censuses (see each country)',
  };
}

function countBy<T, K extends string | number>(
  items: readonly T[],
  keys: readonly K[],
  keyOf: (item: T) => K,
) {
  return keys
    .map((key) => ({ key, count: items.filter((item) => keyOf(item) === key).length }))
    .filter((entry) => entry.count > 0);
}

export async function summaryResult(trx: AnalysisDb, query: SummaryQuery) {
  if (query.country && query.department) {
    throw new BadInputError([
      { path: '/department', message: 'give either country or department, not both' },
    ]);
  }
  const { scope, label } = await resolveScope(trx, query);
  const where =
    scope.kind === 'country'
      ? sql<SqlBool>`programs.countries @> ARRAY[${scope.code}]::text[]`
      : scope.kind === 'department'
        ? sql<SqlBool>`EXISTS (SELECT 1 FROM sites s WHERE s.program_id = programs.id
            AND s.deleted_at IS NULL AND s.department = ${scope.code})`
        : null;
  const programs = await programsWithFunding(trx, where);
  const funded = programs.map((program) => ({
    line: program.line,
    goals: program.goals,
    funding: attributeFunding(program, scope),
  }));
  const area: Area =
    scope.kind === 'region' ? { kind: 'region' } : { kind: scope.kind, code: scope.code };
  const radiusM = kmToM(query.radiusKm);
  const [corridors, incidents, communityData, corridorCover] = await Promise.all([
    corridorLengths(trx, area),
    incidentCounts(trx, area),
    communityFigures(trx, area, radiusM),
    enforcementCorridorCover(trx, area, radiusM),
  ]);
  const population =
    scope.kind === 'region'
      ? regionPopulation()
      : scope.kind === 'country'
        ? countryPopulations[scope.code as CountryCode]
        : departmentPopulation(scope.code);
  const funding = fundingSummary(funded);
  return {
    scope: label,
    population,
    programs: {
      count: programs.length,
      byLine: countBy(
        programs,
        programLines.map((line) => line.code),
        (p) => p.line,
      ).map(({ key, count }) => ({ line: key, count })),
      byStatus: countBy(
        programs,
        programStatuses.map((status) => status.code),
        (p) => p.status,
      ).map(({ key, count }) => ({ status: key, count })),
    },
    funding: {
      ...funding,
      perInhabitant: perInhabitant(funding.totals, population?.value ?? null),
      perAtRiskInhabitant: perInhabitant(funding.totals, communityData.communities.population),
    },
    corridors,
    incidents,
    communities: communityData.communities,
    coverage: { ...communityData.coverage, corridors: corridorCover },
  };
}
