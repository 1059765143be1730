// Request schemas of the analyses (docs/analysis.md) and the documented shape of their results.
// Radius and resolution ranges come from @atlas/domain, which the admin app's panel also uses.
import {
  countries,
  DepartmentCode,
  HexResolution,
  incidentKinds,
  IsoDate,
  MultiPolygon,
  Polygon,
  programLines,
  programStatuses,
  RadiusKm,
  RADIUS_KM_MAX,
  RADIUS_KM_MIN,
  codesOf,
  corridorModes,
  Uuid,
} from '@atlas/domain';
import Type, { type Static, type TSchema } from 'typebox';
import { codeFilter } from '../../lib/query';
import { bboxQuery } from '../../registry';

const statusFilter = (fallback: 'active' | 'any') =>
  Type.Enum([...codesOf(programStatuses), 'any'], {
    default: fallback,
    description: `Program status of the sites considered, or 'any' (default ${fallback})`,
  });
const lineFilter = codeFilter(programLines, 'Only sites of programs of this line');

export const CorridorCoverageQuery = Type.Object(
  {
    corridor: Uuid,
    radiusKm: RadiusKm(10, 'A site covers the corridor within this distance'),
    line: lineFilter,
    status: statusFilter('active'),
  },
  { additionalProperties: false },
);
export type CorridorCoverageQuery = Static<typeof CorridorCoverageQuery>;

export const BorderCrossingsQuery = Type.Object(
  {
    radiusKm: RadiusKm(25, 'A crossing is guarded when an enforcement site is this close'),
    corridor: Type.Optional(Uuid),
    mode: codeFilter(corridorModes, 'Only corridors of this mode'),
    status: statusFilter('active'),
  },
  { additionalProperties: false },
);
export type BorderCrossingsQuery = Static<typeof BorderCrossingsQuery>;

export const CoverageGapsQuery = Type.Object(
  {
    radiusKm: RadiusKm(10, 'A prevention site covers a community within this distance'),
    minHomicideRate: Type.Number({
      minimum: 0,
      maximum: 100_000,
      default: 0,
      description: 'Only communities at or above this homicide rate (per 100,000)',
    }),
    country: codeFilter(countries, 'Only communities in this country'),
    status: statusFilter('active'),
    limit: Type.Integer({
      minimum: 1,
      maximum: 1000,
      default: 100,
      description: 'At most this many gaps',
    }),
  },
  { additionalProperties: false },
);
export type CoverageGapsQuery = Static<typeof CoverageGapsQuery>;

export const SummaryQuery = Type.Object(
  {
    country: codeFilter(countries, 'Summarise this country'),
    department: Type.Optional(DepartmentCode),
    radiusKm: RadiusKm(10, 'Radius of the coverage figures'),
  },
  { additionalProperties: false },
);
export type SummaryQuery = Static<typeof SummaryQuery>;

export const AreaOfInterestQuery = Type.Object(
  { department: DepartmentCode },
  { additionalProperties: false },
);
export type AreaOfInterestQuery = Static<typeof AreaOfInterestQuery>;

export const AreaOfInterestBody = Type.Object(
  { geometry: Type.Union([Polygon, MultiPolygon]) },
  { additionalProperties: false },
);
export type AreaOfInterestBody = Static<typeof AreaOfInterestBody>;

export const HotspotsQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    resolution: HexResolution,
    kind: codeFilter(incidentKinds, 'Only incidents of this kind'),
    country: codeFilter(countries, 'Only incidents in this country'),
    bbox: Type.Optional(bboxQuery('Only incidents in the box')),
  },
  { additionalProperties: false },
);
export type HotspotsQuery = Static<typeof HotspotsQuery>;

export const NearestQuerySchema = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude of the point' }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude of the point' }),
    k: Type.Integer({ minimum: 1, maximum: 100, default: 5, description: 'How many results' }),
    of: Type.Enum(['sites', 'programs'], {
      default: 'sites',
      description: "'sites', or 'programs' ranked by their nearest site",
    }),
    line: lineFilter,
    status: statusFilter('any'),
    maxDistanceKm: Type.Optional(
      Type.Number({
        minimum: RADIUS_KM_MIN,
        maximum: RADIUS_KM_MAX,
        description: `Only results within this distance (${RADIUS_KM_MIN}–${RADIUS_KM_MAX} km)`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type NearestQuerySchema = Static<typeof NearestQuerySchema>;

const Loose = (description: string) =>
  Type.Unsafe<object>({ type: 'object', additionalProperties: true, description });
const FeatureCollection = (description: string) =>
  Type.Unsafe<object>({
    type: 'object',
    required: ['type', 'features'],
    properties: { type: { const: 'FeatureCollection' }, features: { type: 'array' } },
    description,
  });

/** The common envelope plus the analysis's own fields (documented, not enforced). */
export function analysisResult(title: string, fields: Record<string, TSchema>) {
  return Type.Object(
    {
      analysis: Type.String(),
      parameters: Loose('The parameters used, defaults filled in'),
      dataVersion: Type.String({ description: 'Data version of the layers read' }),
      units: Type.Object({
        distance: Type.Literal('m'),
        length: Type.Literal('m'),
        area: Type.Literal('m2'),
        money: Type.Literal('USD'),
      }),
      ...fields,
    },
    { title, additionalProperties: true },
  );
}

export const results = {
  corridorCoverage: analysisResult('CorridorCoverage', {
    corridor: Loose('The corridor as a GeoJSON Feature'),
    lengthM: Type.Number(),
    coveredM: Type.Number(),
    uncoveredM: Type.Number(),
    coveredShare: Type.Number({ minimum: 0, maximum: 1 }),
    covered: FeatureCollection('Covered stretches { fromM, toM, lengthM }'),
    uncovered: FeatureCollection('Uncovered stretches { fromM, toM, lengthM }'),
    sites: FeatureCollection('Covering sites { distanceM, alongM, … }'),
  }),
  borderCrossings: analysisResult('BorderCrossings', {
    counts: Loose('{ crossings, unguarded }'),
    crossings: FeatureCollection('Crossing points, unguarded first'),
  }),
  coverageGaps: analysisResult('CoverageGaps', {
    counts: Loose('{ communities, covered, gaps }'),
    population: Loose('{ atRisk, inGaps, covered }'),
    gaps: FeatureCollection('Communities without a site within the radius, most need first'),
  }),
  summary: analysisResult('Summary', {
    scope: Loose('{ kind, code, name, nameEs }'),
    population: Loose(
      '{ value, year, source, lowerBound? }: census (countries, region) or GeoNames places (departments)',
    ),
    programs: Loose('{ count, byLine, byStatus }'),
    funding: Loose('totals, byLine, byGoal, byAccount, byFiscalYear, perInhabitant…'),
    corridors: Loose('{ totalM, byMode }'),
    incidents: Loose('{ total, byKind, byYear }'),
    communities: Loose('{ count, population, maxHomicideRate }'),
    coverage: Loose(
      '{ radiusKm, communitiesCovered, populationCovered, communitiesCoveredShare, ' +
        'populationCoveredShare, corridors: { radiusKm, lengthM, coveredM, coveredShare } }',
    ),
  }),
  areaOfInterest: analysisResult('AreaOfInterest', {
    area: Loose('{ kind, code, areaM2 }'),
    programs: Type.Array(Loose('A program with a site inside')),
    sites: FeatureCollection('Sites inside'),
    funding: Loose('{ programsTotals, attributed, byLine }'),
    corridors: Loose('{ totalM, byMode }'),
    incidents: Loose('{ total, byKind, byYear }'),
    communities: Loose('{ count, population, features }'),
  }),
  hotspots: analysisResult('Hotspots', {
    period: Loose('{ from, to, days }'),
    previousPeriod: Loose('{ from, to, days }'),
    totals: Loose('{ count, previousCount }'),
    cells: FeatureCollection('H3 cells { cell, count, previousCount, change, changeRatio }'),
  }),
  nearest: analysisResult('Nearest', {
    origin: Loose('The point, GeoJSON'),
    results: FeatureCollection('Sites { rank, distanceM, … }'),
  }),
};

export const NOT_MODIFIED = {
  description: 'Not modified: the ETag in If-None-Match is current',
  type: 'null',
} as const;
