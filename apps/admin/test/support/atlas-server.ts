// The server the browser tests talk to, as in production: the API (built by @atlas/api's
// buildApp on a seeded test database) serving both /api/v1/… and the built app from dist/.
import { buildApp } from '@atlas/api/app';
import { loadConfig } from '@atlas/api/config';
import { openTestDatabase, type TestEngine } from '@atlas/db/testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export interface AtlasServerOptions {
  /** The database engine (default 'pglite'). */
  engine?: TestEngine;
  /**
   * Create the demo users (admin@, coordinator@ (GT, HN), analyst@example.org) with this
   * password (see DEMO_ACCOUNTS). Off by default: the public pages need no users.
   */
  demoPassword?: string;
}

export async function startAtlasServer(
  distDir: string,
  options: AtlasServerOptions = {},
): Promise<RunningServer> {
  const database = await openTestDatabase(options.engine ?? 'pglite', { seed: true });
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      ATLAS_SEED: 'false',
      ATLAS_DEMO_USERS: options.demoPassword ? 'true' : 'false',
      ATLAS_DEMO_PASSWORD: options.demoPassword ?? '',
      // The test server is plain HTTP on the loopback address.
      ATLAS_INSECURE_COOKIES: 'true',
      ATLAS_ADMIN_DIST: distDir,
      // The test database is already open; this folder is never used.
      ATLAS_DATA_DIR: join(tmpdir(), 'atlas-admin-test-unused'),
    }),
    port: 0,
    serveAdmin: true,
  };
  try {
    const app = await buildApp({ config, database });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
