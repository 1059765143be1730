// In production the API also serves the built admin app at `/`, with a fallback to index.html
// for client-side routes, so one process is the whole system.
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_FIRST_PAGE, cacheControlFor, isSpaRoute } from './spa';

const adminStatic: FastifyPluginAsyncTypebox = async (app) => {
  const { serveAdmin, adminDist } = app.config;
  if (!serveAdmin) return;

  if (!existsSync(join(adminDist, 'index.html'))) {
    app.log.warn(
      { adminDist },
      'the admin app is not built (no index.html); run `pnpm build` to serve it at /',
    );
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(BUILD_FIRST_PAGE),
    );
    return;
  }

  await app.register(fastifyStatic, {
    root: adminDist,
    wildcard: false, // one route per built file; everything else falls through to '/*' below
    cacheControl: false, // set per file in setHeaders
    schemaHide: true,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(filePath));
    },
  });

  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (!isSpaRoute(pathname)) {
      reply.callNotFound();
      return reply;
    }
    return reply.sendFile('index.html');
  });
};

export default adminStatic;
