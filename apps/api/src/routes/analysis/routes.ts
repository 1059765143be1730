// /api/v1/analysis/*: the spatial analyses (docs/analysis.md). Each route validates its input,
// then answers through answerAnalysis: one read-only snapshot, a statement timeout (503), an
// ETag from the data version of the layers it reads (304 on If-None-Match).
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { kmToM } from '@atlas/domain';
import { problemResponses } from '../../lib/problem';
import { BadInputError, bboxOf, geometryProblems } from '../../registry';
import { areaOfInterestResult } from './area-of-interest';
import { borderCrossingsResult } from './border-crossings';
import { corridorCoverageResult } from './corridor-coverage';
import { coverageGapsResult } from './coverage-gaps';
import { hotspotsResult } from './hotspots';
import { nearestResult } from './nearest';
import { answerAnalysis } from './respond';
import {
  AreaOfInterestBody,
  AreaOfInterestQuery,
  BorderCrossingsQuery,
  CorridorCoverageQuery,
  CoverageGapsQuery,
  HotspotsQuery,
  NearestQuerySchema,
  NOT_MODIFIED,
  results,
  SummaryQuery,
} from './schemas';
import { summaryResult } from './summary';

const BASE = '/api/v1/analysis';
const TAGS = ['analysis'];
/** Radius of the coverage figures in an area of interest. */
const AREA_COVERAGE_RADIUS_KM = 10;

function responses(result: unknown, ...errors: number[]) {
  return { 200: result, 304: NOT_MODIFIED, ...problemResponses(400, 401, ...errors, 503) };
}

const analysis: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    `${BASE}/corridor-coverage`,
    {
      schema: {
        tags: TAGS,
        summary: 'Share of a corridor within a radius of program sites',
        description:
          'Covered and uncovered stretches of the corridor (GeoJSON) and the covering sites with ' +
          'their distance and position along it. Geodesic metres.',
        querystring: CorridorCoverageQuery,
        response: responses(results.corridorCoverage, 404),
      },
    },
    (request, reply) =>
      answerAnalysis(app.db, request, reply, {
        analysis: 'corridor-coverage',
        layers: ['corridors', 'sites', 'programs'],
        parameters: { ...request.query, line: request.query.line ?? null },
        visibility: 'private',
        compute: (trx) => corridorCoverageResult(trx, request.query),
      }),
  );

  app.get(
    `${BASE}/border-crossings`,
    {
      schema: {
        tags: TAGS,
        summary: 'Where corridors cross national borders, and the nearest enforcement site',
        description: 'Unguarded crossings (no enforcement site within radiusKm) first.',
        querystring: BorderCrossingsQuery,
        response: responses(results.borderCrossings, 404),
      },
    },
    (request, reply) =>
      answerAnalysis(app.db, request, reply, {
        analysis: 'border-crossings',
        layers: ['corridors', 'sites', 'programs', 'boundaries'],
        parameters: {
          ...request.query,
          corridor: request.query.corridor ?? null,
          mode: request.query.mode ?? null,
        },
        visibility: 'private',
        compute: (trx) => borderCrossingsResult(trx, request.query),
      }),
  );

  app.get(
    `${BASE}/coverage-gaps`,
    {
      schema: {
        tags: TAGS,
        summary: 'Communities at risk with no prevention site within a radius, ranked by need',
        querystring: CoverageGapsQuery,
        response: responses(results.coverageGaps),
      },
    },
    (request, reply) =>
      answerAnalysis(app.db, request, reply, {
        analysis: 'coverage-gaps',
        layers: ['communities', 'sites', 'programs'],
        parameters: { ...request.query, country: request.query.country ?? null },
        visibility: 'private',
        compute: (trx) => coverageGapsResult(trx, request.query),
      }),
  );

  app.get(
    `${BASE}/summary`,
    {
      schema: {
        tags: TAGS,
        summary: 'Country, department or region summary',
        description:
          'Funding by line, goal, account and fiscal year (attributed exactly), per inhabitant; ' +
          'corridor length by mode; incidents; communities at risk and their coverage.',
        querystring: SummaryQuery,
        response: responses(results.summary, 404),
      },
    },
    (request, reply) =>
      answerAnalysis(app.db, request, reply, {
        analysis: 'summary',
        layers: ['programs', 'sites', 'corridors', 'communities', 'incidents', 'boundaries'],
        parameters: {
          country: request.query.country ?? null,
          department: request.query.department ?? null,
          radiusKm: request.query.radiusKm,
        },
        visibility: 'private',
        compute: (trx) => summaryResult(trx, request.query),
      }),
  );

  const areaLayers = [
    'programs',
    'sites',
    'corridors',
    'communities',
    'incidents',
    'boundaries',
  ] as const;

  app.get(
    `${BASE}/area-of-interest`,
    {
      schema: {
        tags: TAGS,
        summary: 'Everything inside a department',
        querystring: AreaOfInterestQuery,
        response: responses(results.areaOfInterest, 404),
      },
    },
    (request, reply) =>
      answerAnalysis(app.db, request, reply, {
        analysis: 'area-of-interest',
        layers: areaLayers,
        parameters: { department: request.query.department, radiusKm: AREA_COVERAGE_RADIUS_KM },
        visibility: 'private',
        compute: (trx) => areaOfInterestResult(trx, request.query, kmToM(AREA_COVERAGE_RADIUS_KM)),
      }),
  );

  app.post(
    `${BASE}/area-of-interest`,
    {
      schema: {
        tags: TAGS,
        summary: 'Everything inside a drawn polygon',
        description:
          'The polygon must be valid (ST_IsValid) and have at most 10,000 vertices; otherwise 400 ' +
          'with the reason.',
        body: AreaOfInterestBody,
        response: responses(results.areaOfInterest, 403),
      },
    },
    async (request, reply) => {
      const { geometry } = request.body;
      const problems = await geometryProblems(app.db, geometry);
      if (problems.length > 0) throw new BadInputError(problems);
      return answerAnalysis(app.db, request, reply, {
        analysis: 'area-of-interest',
        layers: areaLayers,
        parameters: { department: null, radiusKm: AREA_COVERAGE_RADIUS_KM },
        fingerprint: geometry,
        visibility: 'private',
        compute: (trx) => areaOfInterestResult(trx, { geometry }, kmToM(AREA_COVERAGE_RADIUS_KM)),
      });
    },
  );

  app.get(
    `${BASE}/hotspots`,
    {
      schema: {
        tags: TAGS,
        summary: 'Incidents in hexagonal (H3) cells, with the change against the previous period',
        querystring: HotspotsQuery,
        response: responses(results.hotspots),
      },
    },
    (request, reply) =>
      answerAnalysis(app.db, request, reply, {
        analysis: 'hotspots',
        layers: ['incidents'],
        parameters: {
          from: request.query.from ?? null,
          to: request.query.to ?? null,
          resolution: request.query.resolution,
          kind: request.query.kind ?? null,
          country: request.query.country ?? null,
          bbox: bboxOf(request.query.bbox) ?? null,
        },
        visibility: 'private',
        compute: (trx) => hotspotsResult(trx, request.query, bboxOf(request.query.bbox)),
      }),
  );

  app.get(
    `${BASE}/nearest`,
    {
      schema: {
        tags: TAGS,
        summary: 'The k nearest sites or programs to a point (public)',
        querystring: NearestQuerySchema,
        response: { 200: results.nearest, 304: NOT_MODIFIED, ...problemResponses(400, 503) },
      },
    },
    (request, reply) =>
      answerAnalysis(app.db, request, reply, {
        analysis: 'nearest',
        layers: ['sites', 'programs'],
        parameters: {
          ...request.query,
          line: request.query.line ?? null,
          maxDistanceKm: request.query.maxDistanceKm ?? null,
        },
        visibility: 'public',
        compute: (trx) => nearestResult(trx, request.query),
      }),
  );
  done();
};

export default analysis;
