// /api/v1/communities: communities at risk (signed-in reads; writes by coordinators in scope).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CommunityInput, CommunityPatch } from '@atlas/domain';
import { problemResponses } from '../../lib/problem';
import { parseSort } from '../../lib/query';
import { bboxOf, featureCollection, recordRoutes } from '../../registry';
import { createCommunityStore } from './records';
import { createCommunityRepository } from './repository';
import {
  CommunityFeatureCollection,
  CommunityListQuery,
  CommunityOutput,
  type CommunitySortField,
} from './schemas';

const communities: FastifyPluginAsyncTypebox = async (app) => {
  const repository = createCommunityRepository(app.db);
  await app.register(
    recordRoutes({
      collection: 'communities',
      noun: 'community',
      store: createCommunityStore(app.db),
      input: CommunityInput,
      patch: CommunityPatch,
      output: CommunityOutput,
      feature: true,
    }),
  );

  app.get(
    '/api/v1/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'List communities at risk as GeoJSON',
        description:
          'Communities that are not deleted, as a GeoJSON FeatureCollection ' +
          '(application/geo+json), filtered by country, department, data year, minimum homicide ' +
          'rate or population and `bbox`.',
        querystring: CommunityListQuery,
        response: { 200: CommunityFeatureCollection, ...problemResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, sort, bbox, ...filters } = request.query;
      const { features, numberMatched } = await repository.list(
        { ...filters, bbox: bboxOf(bbox) },
        parseSort<CommunitySortField>(sort),
        { limit, offset },
      );
      reply.type('application/geo+json');
      return featureCollection(features, numberMatched, request.url, { limit, offset });
    },
  );
};

export default communities;
