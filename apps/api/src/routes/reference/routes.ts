// GET /api/v1/reference: every code list with its labels (public, cacheable).
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../lib/problem';
import { referenceJson } from './content';
import { sendCacheable } from './http-cache';
import { ReferenceDocument, ReferenceQuery } from './schemas';

/** Code lists change only with a release; clients revalidate hourly (cheap 304s). */
export const REFERENCE_CACHE_CONTROL = 'public, max-age=3600';

const reference: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/api/v1/reference',
    {
      schema: {
        tags: ['reference'],
        summary:
          'Code lists (countries, goals, lines, accounts, …) with English and Spanish labels',
        description:
          'Every code list the records use. Answers carry a strong `ETag` (a hash of the ' +
          'content); send it back in `If-None-Match` to get `304 Not Modified`.',
        querystring: ReferenceQuery,
        response: {
          200: ReferenceDocument,
          304: { description: 'Not modified: the ETag in If-None-Match is current', type: 'null' },
          ...problemResponses(400),
        },
      },
    },
    (request, reply) => {
      sendCacheable(request, reply, {
        body: referenceJson(request.query.lang),
        contentType: 'application/json; charset=utf-8',
        cacheControl: REFERENCE_CACHE_CONTROL,
      });
    },
  );
  done();
};

export default reference;
