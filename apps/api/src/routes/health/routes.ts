// Liveness (the process answers) and readiness (the database answers, quickly).
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { databaseUnavailableReason, TimeoutError, withTimeout } from '../../lib/database-errors';
import { LiveResponse, ReadyResponse, UnavailableResponse } from './schemas';

/** A load balancer polls this; a slower database counts as not ready. */
export const READY_TIMEOUT_MS = 2000;

const health: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/health/live',
    { schema: { tags: ['health'], response: { 200: LiveResponse } } },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        response: { 200: ReadyResponse, 503: UnavailableResponse },
      },
    },
    async (request, reply) => {
      const { database } = app;
      try {
        await withTimeout(database.ping(), READY_TIMEOUT_MS, 'the database');
      } catch (error) {
        const reason =
          error instanceof TimeoutError
            ? error.message
            : (databaseUnavailableReason(error) ?? 'the database did not answer the ping');
        request.log.warn({ err: error }, 'not ready');
        return reply.code(503).send({ status: 'unavailable' as const, reason });
      }
      return {
        status: 'ok' as const,
        database: {
          mode: database.mode,
          postgis: database.capabilities.postgisVersion,
          mvt: database.capabilities.mvt,
        },
      };
    },
  );
  done();
};

export default health;
