// Security headers on every response, errors included (helmet runs in onRequest). The content
// security policy lets the admin app run: its own scripts, MapLibre's blob: workers, data:/blob:
// images, and inline style attributes (used by the UI library).
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    imgSrc: ["'self'", 'data:', 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export default fp(
  async (app) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      // The API is also read by other origins' map clients (CORS decides who).
      crossOriginResourcePolicy: { policy: 'same-site' },
    });
  },
  { name: 'security' },
);
