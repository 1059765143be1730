// /api/v1/sites and /api/v1/programs/:id/sites: program sites. Lists are GeoJSON
// FeatureCollections (public, as the admin app's map reads them anonymously); changes follow
// docs/api-conventions.md through the shared record routes (src/registry).
import { SiteInput, SitePatch } from '@atlas/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../lib/problem';
import { pageLinks } from '../../lib/query';
import {
  BadInputError,
  bboxOf,
  formatEtag,
  IdParams,
  notFound,
  recordRoutes,
} from '../../registry';
import { createSiteStore } from './records';
import { createSiteRepository, programOfSite, type SiteFilters } from './repository';
import {
  ProgramSiteInput,
  ProgramSiteListQuery,
  SiteFeatureCollection,
  SiteListQuery,
  SiteRecord,
} from './schemas';

const sites: FastifyPluginAsyncTypebox = async (app) => {
  const repository = createSiteRepository(app.db);
  const store = createSiteStore(app.db);
  await app.register(
    recordRoutes({
      collection: 'sites',
      noun: 'site',
      store,
      input: SiteInput,
      patch: SitePatch,
      output: SiteRecord,
      feature: true,
    }),
  );

  async function collection(
    url: string,
    filters: SiteFilters,
    page: { limit: number; offset: number },
  ) {
    const { features, numberMatched } = await repository.list(filters, page);
    return {
      type: 'FeatureCollection' as const,
      features,
      numberMatched,
      numberReturned: features.length,
      links: pageLinks(url, { total: numberMatched, ...page }),
    };
  }

  app.get(
    '/api/v1/sites',
    {
      schema: {
        tags: ['sites'],
        summary: 'Program sites as GeoJSON',
        description:
          'Sites of programs that are not deleted, as a GeoJSON FeatureCollection ' +
          '(application/geo+json). `bbox` keeps the sites whose geometry intersects the box; ' +
          '`line` and `status` are those of the site’s program.',
        querystring: SiteListQuery,
        response: { 200: SiteFeatureCollection, ...problemResponses(400, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, bbox, ...filters } = request.query;
      reply.type('application/geo+json');
      return collection(request.url, { ...filters, bbox: bboxOf(bbox) }, { limit, offset });
    },
  );

  app.get(
    '/api/v1/programs/:id/sites',
    {
      schema: {
        tags: ['sites'],
        summary: "A program's sites as GeoJSON",
        params: IdParams,
        querystring: ProgramSiteListQuery,
        response: { 200: SiteFeatureCollection, ...problemResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const program = await programOfSite(app.db, request.params.id);
      if (!program || program.deletedAt !== null) throw notFound('program');
      const { limit, offset, bbox, ...filters } = request.query;
      reply.type('application/geo+json');
      return collection(
        request.url,
        { ...filters, programId: program.id, bbox: bboxOf(bbox) },
        { limit, offset },
      );
    },
  );

  app.post(
    '/api/v1/programs/:id/sites',
    {
      schema: {
        tags: ['sites'],
        summary: 'Create a site of this program',
        description:
          'The same as `POST /api/v1/sites` with the program taken from the path; the new ' +
          'site is at the `Location` answered.',
        params: IdParams,
        body: ProgramSiteInput,
        response: {
          201: SiteRecord,
          ...problemResponses(400, 401, 403, 404, 409, 413, 503),
        },
      },
    },
    async (request, reply) => {
      const program = await programOfSite(app.db, request.params.id);
      if (!program || program.deletedAt !== null) throw notFound('program');
      const { programId, ...fields } = request.body;
      if (programId !== undefined && programId !== program.id) {
        throw new BadInputError([
          { path: '/programId', message: 'must be the program in the path, or left out' },
        ]);
      }
      const record = await store.create(request.principal, { ...fields, programId: program.id });
      reply.code(201).header('location', `/api/v1/sites/${record.id}`);
      reply.header('etag', formatEtag(record.version));
      return record;
    },
  );
};

export default sites;
