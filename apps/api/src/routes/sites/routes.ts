// GET /api/v1/sites: program sites as a GeoJSON FeatureCollection.
import { parseBbox } from '@atlas/domain';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { createSiteRepository } from './repository';
import { SiteFeatureCollection, SiteListQuery } from './schemas';

const sites: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const repository = createSiteRepository(app.db);

  app.get(
    '/api/v1/sites',
    {
      schema: {
        tags: ['sites'],
        summary: 'Program sites as GeoJSON',
        description:
          'Sites of programs that are not deleted, as a GeoJSON FeatureCollection ' +
          '(application/geo+json). `bbox` keeps the sites whose geometry intersects the box.',
        querystring: SiteListQuery,
        response: { 200: SiteFeatureCollection },
      },
    },
    async (request, reply) => {
      const { limit, offset, bbox, programId } = request.query;
      // bbox already passed the same parser during validation.
      const parsed = bbox === undefined ? undefined : parseBbox(bbox);
      const { features, numberMatched } = await repository.list(
        { bbox: parsed?.ok ? parsed.bbox : undefined, programId },
        { limit, offset },
      );
      reply.type('application/geo+json');
      return {
        type: 'FeatureCollection' as const,
        features,
        numberMatched,
        numberReturned: features.length,
      };
    },
  );
  done();
};

export default sites;
