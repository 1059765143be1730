// Shared test set-up: the same app the server builds, on a real test database.
import type { AtlasDatabase } from '@atlas/db';
import { Writable } from 'node:stream';
import { buildApp, type AtlasApp } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config';
import { createLogger } from '../src/logger';

/** The test configuration: no demo users (tests create the principals they need). */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ATLAS_DEMO_USERS: 'false' }),
    ...overrides,
  };
}

export async function buildTestApp(
  database: AtlasDatabase,
  overrides: Partial<AppConfig> = {},
): Promise<AtlasApp> {
  const app = await buildApp({ config: testConfig(overrides), database });
  await app.ready();
  return app;
}

/**
 * An app that logs everything (trace) into `lines`, through the server's own logger, for tests
 * of what the logs hold. Not yet ready: a test may add routes first.
 */
export async function buildLoggedApp(
  database: AtlasDatabase,
): Promise<{ app: AtlasApp; lines: string[] }> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  const config = testConfig({ logLevel: 'trace' });
  const app = await buildApp({ config, database, loggerInstance: createLogger(config, stream) });
  return { app, lines };
}
