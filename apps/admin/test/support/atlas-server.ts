// The server the browser test talks to, as in production: the API (built by @atlas/api's
// buildApp on a seeded test database) serving both /api/v1/… and the built app from dist/.
import { buildApp } from '@atlas/api/app';
import { openTestDatabase } from '@atlas/db/testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type AppConfig = Parameters<typeof buildApp>[0]['config'];

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function startAtlasServer(distDir: string): Promise<RunningServer> {
  const database = await openTestDatabase('pglite', { seed: true });
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: join(tmpdir(), 'atlas-admin-test-unused'), // the test database is already open
    logLevel: 'silent',
    nodeEnv: 'production',
    adminDist: distDir,
    serveAdmin: true,
    seed: false,
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
