// /api/v1/programs: the registry's programs. Reads are public; changes follow
// docs/api-conventions.md through the shared record routes (src/registry).
import { ProgramInput, ProgramPatch } from '@atlas/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../lib/problem';
import { pageLinks, parseSort } from '../../lib/query';
import { bboxOf, recordRoutes } from '../../registry';
import { createProgramStore } from './records';
import { createProgramRepository } from './repository';
import { ProgramList, ProgramListQuery, ProgramRecord, type ProgramSortField } from './schemas';

const programs: FastifyPluginAsyncTypebox = async (app) => {
  const repository = createProgramRepository(app.db);
  await app.register(
    recordRoutes({
      collection: 'programs',
      noun: 'program',
      store: createProgramStore(app.db),
      input: ProgramInput,
      patch: ProgramPatch,
      output: ProgramRecord,
    }),
  );

  app.get(
    '/api/v1/programs',
    {
      schema: {
        tags: ['programs'],
        summary: 'List programs',
        description:
          'Programs that are not deleted, with their funding totals by stage (summed over ' +
          'every fiscal year and account). `fyFrom`/`fyTo` and `account` keep programs with ' +
          'funding rows in the range; `q` searches English and Spanish titles and summaries; ' +
          '`bbox` keeps programs with a site in the box.',
        querystring: ProgramListQuery,
        response: { 200: ProgramList, ...problemResponses(400, 503) },
      },
    },
    async (request) => {
      const { limit, offset, sort, bbox, ...filters } = request.query;
      const { items, total } = await repository.list({
        filters: { ...filters, bbox: bboxOf(bbox) },
        sort: parseSort<ProgramSortField>(sort),
        limit,
        offset,
      });
      return {
        items,
        total,
        limit,
        offset,
        links: pageLinks(request.url, { total, limit, offset }),
      };
    },
  );
};

export default programs;
