// GET /api/v1/programs: the registry's programs, filtered, sorted and paged.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { pageLinks, parseSort } from '../../lib/query';
import { createProgramRepository } from './repository';
import { ProgramList, ProgramListQuery, type ProgramSortField } from './schemas';

const programs: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const repository = createProgramRepository(app.db);

  app.get(
    '/api/v1/programs',
    {
      schema: {
        tags: ['programs'],
        summary: 'List programs',
        description:
          'Programs that are not deleted, with their funding totals by stage (summed over ' +
          'every fiscal year and account).',
        querystring: ProgramListQuery,
        response: { 200: ProgramList },
      },
    },
    async (request) => {
      const { limit, offset, sort, country, line, status } = request.query;
      const { items, total } = await repository.list({
        filters: { country, line, status },
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
  done();
};

export default programs;
