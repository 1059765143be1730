// Builds the Fastify instance: plugins from ./plugins, feature routes from ./routes/*/routes.ts.
// The server and the tests build the same app; the caller owns the database's lifetime.
import autoload from '@fastify/autoload';
import type { AtlasDatabase } from '@atlas/db';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './config';
import { typeboxValidatorCompiler } from './lib/validation';
import { PROBLEM_CONTENT_TYPE, problemBody } from './lib/problem';

export interface BuildAppOptions {
  config: AppConfig;
  database: AtlasDatabase;
  /** Fastify's logger option (pino options or false); default: silent. */
  logger?: FastifyServerOptions['logger'];
  /** A ready-made pino logger (the server shares one with the database layer). */
  loggerInstance?: FastifyBaseLogger;
}

/** Options every autoloaded plugin and route module receives. */
export interface AppPluginOptions {
  config: AppConfig;
  database: AtlasDatabase;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
  }
}

/** 1 MiB: the largest request body the API accepts (docs/api-conventions.md). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const ROUTE_MODULE = /\/routes\.(ts|js)$/;

export async function buildApp(opts: BuildAppOptions) {
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ?? false }),
    // Several instances may run behind a proxy; ids come from the proxy when it sends one.
    requestIdHeader: 'x-request-id',
    // Larger bodies get 413 (problem+json) before any parsing.
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    // Route modules are compiled on first load (tsx); on a busy machine that can take longer
    // than Fastify's 10 s default, which would fail the start for no real fault.
    pluginTimeout: 120_000,
    // Errors the router meets before any hook runs (e.g. a URL with broken percent-encoding):
    // still a problem+json answer, with the headers the security plugin cannot add here.
    frameworkErrors: (error, _request, frameworkReply) => {
      const status = error.statusCode ?? 400;
      const reply = frameworkReply as unknown as FastifyReply;
      void reply
        .code(status)
        .type(PROBLEM_CONTENT_TYPE)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('x-frame-options', 'DENY')
        .send(problemBody(status, status < 500 ? error.message : 'Internal Server Error'));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(typeboxValidatorCompiler);
  app.decorate('config', opts.config);

  const options: AppPluginOptions = { config: opts.config, database: opts.database };
  await app.register(autoload, {
    dir: fileURLToPath(new URL('./plugins', import.meta.url)),
    options,
  });
  await app.register(autoload, {
    dir: fileURLToPath(new URL('./routes', import.meta.url)),
    dirNameRoutePrefix: false, // each route module spells out its full URLs
    matchFilter: (path: string) => ROUTE_MODULE.test(path),
    options,
  });
  return app;
}

export type AtlasApp = Awaited<ReturnType<typeof buildApp>>;
