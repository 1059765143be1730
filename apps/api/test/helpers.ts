// Shared test set-up: the same app the server builds, on a real test database.
import type { AtlasDatabase } from '@atlas/db';
import { buildApp, type AtlasApp } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config';

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
