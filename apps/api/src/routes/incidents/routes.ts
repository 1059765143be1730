// /api/v1/incidents: incidents (signed-in reads; writes by coordinators in scope).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IncidentInput, IncidentPatch } from '@atlas/domain';
import { problemResponses } from '../../lib/problem';
import { parseSort } from '../../lib/query';
import { bulkIncidentRoute } from './bulk';
import { bboxOf, featureCollection, recordRoutes } from '../../registry';
import { createIncidentStore } from './records';
import { createIncidentRepository } from './repository';
import {
  IncidentFeatureCollection,
  IncidentListQuery,
  IncidentOutput,
  type IncidentSortField,
} from './schemas';

const incidents: FastifyPluginAsyncTypebox = async (app) => {
  const repository = createIncidentRepository(app.db);
  await app.register(
    recordRoutes({
      collection: 'incidents',
      noun: 'incident',
      store: createIncidentStore(app.db),
      input: IncidentInput,
      patch: IncidentPatch,
      output: IncidentOutput,
      feature: true,
    }),
  );
  await app.register(bulkIncidentRoute);

  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'List incidents as GeoJSON',
        description:
          'Incidents that are not deleted, as a GeoJSON FeatureCollection ' +
          '(application/geo+json), filtered by kind, country, threat, date range (`from`, `to`, ' +
          'inclusive), year and `bbox`.',
        querystring: IncidentListQuery,
        response: { 200: IncidentFeatureCollection, ...problemResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, sort, bbox, ...filters } = request.query;
      const { features, numberMatched } = await repository.list(
        { ...filters, bbox: bboxOf(bbox) },
        parseSort<IncidentSortField>(sort),
        { limit, offset },
      );
      reply.type('application/geo+json');
      return featureCollection(features, numberMatched, request.url, { limit, offset });
    },
  );
};

export default incidents;
