// Cross-origin browser access only for the origins in ATLAS_CORS_ORIGINS (none by default).
import cors from '@fastify/cors';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    const allowed = new Set(app.config.corsOrigins);
    await app.register(cors, {
      origin: (origin, callback) => {
        callback(null, origin !== undefined && allowed.has(origin));
      },
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'x-csrf-token', 'accept'],
      exposedHeaders: ['etag', 'location', 'retry-after'],
      maxAge: 600,
    });
  },
  { name: 'cors' },
);
