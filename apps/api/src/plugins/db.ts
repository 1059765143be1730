// Shares the opened database with every route: `app.db` (Kysely) and `app.database` (mode,
// capabilities, ping). The database is opened and closed by the caller of buildApp.
import type { AtlasDatabase, Database } from '@atlas/db';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    database: AtlasDatabase;
  }
}

export interface DbPluginOptions {
  database: AtlasDatabase;
}

export default fp<DbPluginOptions>(
  (app, opts, done) => {
    app.decorate('database', opts.database);
    app.decorate('db', opts.database.db);
    done();
  },
  { name: 'db' },
);
