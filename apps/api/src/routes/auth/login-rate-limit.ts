// Login attempts are limited per client address and per e-mail address (both counted on every
// attempt); over either limit the answer is 429 with Retry-After.
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';

class TooManyAttemptsError extends Error {
  readonly statusCode = 429;
  constructor(seconds: number) {
    super(`too many login attempts; retry in ${seconds} s`);
    this.name = 'TooManyAttemptsError';
  }
}

function emailOf(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.toLowerCase() : '';
}

export function loginRateLimit(app: FastifyInstance): preHandlerAsyncHookHandler {
  const { perIp, perEmail, windowMs } = app.config.loginRateLimit;
  const byAddress = app.createRateLimit({
    max: perIp,
    timeWindow: windowMs,
    keyGenerator: (request) => `login-ip:${request.ip}`,
  });
  const byEmail = app.createRateLimit({
    max: perEmail,
    timeWindow: windowMs,
    keyGenerator: (request) => `login-email:${emailOf(request.body)}`,
  });
  return async (request, reply) => {
    for (const limiter of [byAddress, byEmail]) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) {
        const seconds = Math.max(1, result.ttlInSeconds);
        reply.header('retry-after', String(seconds));
        throw new TooManyAttemptsError(seconds);
      }
    }
  };
}
