// /api/v1/corridors: trafficking corridors (signed-in reads; writes by coordinators in scope).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CorridorInput, CorridorPatch } from '@atlas/domain';
import { problemResponses } from '../../lib/problem';
import { parseSort } from '../../lib/query';
import { bboxOf, featureCollection, recordRoutes } from '../../registry';
import { createCorridorStore } from './records';
import { createCorridorRepository } from './repository';
import {
  CorridorFeatureCollection,
  CorridorListQuery,
  CorridorOutput,
  type CorridorSortField,
} from './schemas';

const corridors: FastifyPluginAsyncTypebox = async (app) => {
  const repository = createCorridorRepository(app.db);
  await app.register(
    recordRoutes({
      collection: 'corridors',
      noun: 'corridor',
      store: createCorridorStore(app.db),
      input: CorridorInput,
      patch: CorridorPatch,
      output: CorridorOutput,
      feature: true,
    }),
  );

  app.get(
    '/api/v1/corridors',
    {
      schema: {
        tags: ['corridors'],
        summary: 'List corridors as GeoJSON',
        description:
          'Corridors that are not deleted, as a GeoJSON FeatureCollection (application/geo+json). ' +
          '`country` keeps the corridors whose line crosses the country; `activeOn` those valid ' +
          'on the date.',
        querystring: CorridorListQuery,
        response: { 200: CorridorFeatureCollection, ...problemResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, sort, bbox, ...filters } = request.query;
      const { features, numberMatched } = await repository.list(
        { ...filters, bbox: bboxOf(bbox) },
        parseSort<CorridorSortField>(sort),
        { limit, offset },
      );
      reply.type('application/geo+json');
      return featureCollection(features, numberMatched, request.url, { limit, offset });
    },
  );
};

export default corridors;
