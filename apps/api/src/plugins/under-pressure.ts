// Load shedding: while the event loop lags (the process cannot keep up), new requests get a
// quick 503 problem with Retry-After instead of queueing until every client times out. Liveness
// still answers, so an orchestrator does not restart a process that is only busy; readiness
// answers 503 too, so a load balancer sends traffic elsewhere until the lag is gone.
import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';
import type { AppPluginOptions } from '../app';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../lib/problem';

/** After start-up, the first samples measure the start-up itself (schemas compiled, modules
 * loaded): nothing is shed until this long after the app is ready. */
export const PRESSURE_GRACE_MS = 3000;
/** Seconds a shed client is asked to wait. */
export const PRESSURE_RETRY_AFTER_SECONDS = 5;

/** The plugin sends what the handler returns, though its typings only admit `void`. */
const answer = (body: object) => body as unknown as undefined;

const ALWAYS_ANSWERED = new Set(['/health/live']);
const REASON = 'the server is overloaded (event loop delay); retry after a few seconds';

export default fp<AppPluginOptions>(
  async (app, { config }) => {
    // The threshold (ATLAS_MAX_EVENT_LOOP_DELAY_MS) is 0 = off by default on the embedded
    // database, whose queries run on this same event loop.
    if (config.maxEventLoopDelayMs === 0) return;
    let readyAt = Number.POSITIVE_INFINITY;
    app.addHook('onReady', () => {
      readyAt = Date.now();
      return Promise.resolve();
    });
    await app.register(underPressure, {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      retryAfter: PRESSURE_RETRY_AFTER_SECONDS,
      pressureHandler(request, reply, type, value) {
        const path = request.url.split('?')[0] ?? '';
        if (ALWAYS_ANSWERED.has(path) || Date.now() - readyAt < PRESSURE_GRACE_MS) {
          return undefined; // carry on
        }
        request.log.warn({ type, value }, 'under pressure: request shed');
        reply.code(503).header('retry-after', String(PRESSURE_RETRY_AFTER_SECONDS));
        // Readiness keeps its own 503 shape, so a load balancer reads it as it always does.
        if (path === '/health/ready') {
          // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- see `answer`
          return answer({ status: 'unavailable', reason: REASON });
        }
        reply.type(PROBLEM_CONTENT_TYPE);
        // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- see `answer`
        return answer(problemBody(503, REASON));
      },
    });
  },
  { name: 'under-pressure' },
);
