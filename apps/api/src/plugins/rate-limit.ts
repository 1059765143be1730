// Rate-limit counters (used by the login route, see routes/auth): in memory, or in Redis when
// REDIS_URL is set so that every API instance counts together.
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

export default fp(
  async (app) => {
    const { redisUrl } = app.config;
    const redis = redisUrl
      ? new Redis(redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1, lazyConnect: false })
      : undefined;
    if (redis) {
      redis.on('error', (error: Error) => {
        app.log.warn({ err: { message: error.message } }, 'rate-limit store (Redis) error');
      });
      app.addHook('onClose', async () => {
        await redis.quit().catch(() => {
          redis.disconnect();
        });
      });
    }
    await app.register(rateLimit, {
      global: false, // only the routes that ask for it
      ...(redis ? { redis, nameSpace: 'atlas-rate-limit:' } : {}),
      // A broken store must not lock everyone out; login still costs an Argon2 hash.
      skipOnError: true,
    });
  },
  { name: 'rate-limit' },
);
