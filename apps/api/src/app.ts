// Builds the Fastify instance: plugins from ./plugins, feature routes from ./routes/*/routes.ts.
// The server and the tests build the same app; the caller owns the database's lifetime.
import autoload from '@fastify/autoload';
import type { AtlasDatabase } from '@atlas/db';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './config';
import { typeboxValidatorCompiler } from './lib/validation';

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

const ROUTE_MODULE = /\/routes\.(ts|js)$/;

export async function buildApp(opts: BuildAppOptions) {
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ?? false }),
    // Several instances may run behind a proxy; ids come from the proxy when it sends one.
    requestIdHeader: 'x-request-id',
    routerOptions: { ignoreTrailingSlash: true },
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
