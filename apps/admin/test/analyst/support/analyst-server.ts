// The API serving the built app on a seeded test database, with the demo users (the analyst
// signs in) and cookies over plain HTTP (the test server has no TLS).
import { buildApp } from '@atlas/api/app';
import { loadConfig } from '@atlas/api/config';
import { openTestDatabase, type TestEngine } from '@atlas/db/testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../support/atlas-server';

export const ANALYST = { email: 'analyst@example.org', password: 'analyst-test-password' };

export async function startAnalystServer(
  distDir: string,
  engine: TestEngine = 'pglite',
): Promise<RunningServer> {
  const database = await openTestDatabase(engine, { seed: true });
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      ATLAS_SEED: 'false',
      ATLAS_DEMO_USERS: 'true',
      ATLAS_DEMO_PASSWORD: ANALYST.password,
      ATLAS_INSECURE_COOKIES: 'true',
      ATLAS_ADMIN_DIST: distDir,
      ATLAS_DATA_DIR: join(tmpdir(), 'atlas-analyst-test-unused'),
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

type Cookies = Awaited<ReturnType<ReturnType<Page['context']>['cookies']>>;

/** The analyst's session cookies per server: one login serves every page of a test file. */
const sessions = new Map<string, Cookies>();

/**
 * Sign the page's browser context in as the demo analyst (the session cookie is shared). The
 * first call logs in; later ones reuse its cookies, since the API limits login attempts.
 */
export async function signInAsAnalyst(page: Page, baseUrl: string): Promise<void> {
  const known = sessions.get(baseUrl);
  if (known) {
    await page.context().addCookies(known);
    return;
  }
  const response = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: ANALYST });
  if (!response.ok())
    throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
  sessions.set(baseUrl, await page.context().cookies(baseUrl));
}
