// The API serving the built app on a seeded test database, with the demo users (the analyst
// signs in) and cookies over plain HTTP (the test server has no TLS).
import type { TestEngine } from '@atlas/db/testing';
import type { Page } from 'playwright-core';
import { startAtlasServer, type RunningServer } from '../../support/atlas-server';

export const ANALYST = { email: 'analyst@example.org', password: 'analyst-test-password' };

export function startAnalystServer(
  distDir: string,
  engine: TestEngine = 'pglite',
): Promise<RunningServer> {
  return startAtlasServer(distDir, { engine, demoPassword: ANALYST.password });
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
