// What every analyst browser test file shares: Chromium, the API serving the built app on a
// seeded database per engine (registered as hooks by useAnalystServer), reads from the API and
// the README screenshots.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestEngine } from '@atlas/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RunningServer } from '../../support/atlas-server';
import { launchChromium } from '../../support/browser';
import { openProbedPage, type ProbedPage } from '../../support/page-probe';
import { signInAsAnalyst, startAnalystServer } from './analyst-server';

// The built app in apps/admin/dist; ATLAS_ADMIN_TEST_DIST may name another build while you
// work (CI leaves it unset).
const distDir =
  process.env.ATLAS_ADMIN_TEST_DIST ?? fileURLToPath(new URL('../../../dist', import.meta.url));
const imagesDir = fileURLToPath(new URL('../../../../../docs/images', import.meta.url));
export const LOAD_TIMEOUT = 60_000;

// One browser and one server at a time per test file (vitest gives each file its own module).
let browser: Browser | undefined;
let server: RunningServer | undefined;

/** Start Chromium and the API on a seeded `engine` database before the block's tests. */
export function useAnalystServer(engine: TestEngine): void {
  beforeAll(async () => {
    if (!existsSync(join(distDir, 'index.html'))) {
      throw new Error(`${distDir} has no build: run \`pnpm --filter @atlas/admin build\` first.`);
    }
    browser = await launchChromium();
    server = await startAnalystServer(distDir, engine);
    // Building the seeded database and the app's first start share two busy cores with others.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    browser = undefined;
    server = undefined;
  });
}

export function started(): { browser: Browser; server: RunningServer } {
  if (!browser || !server) throw new Error('the test server or Chromium did not start');
  return { browser, server };
}

export async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${started().server.url}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Save docs/images/analyst-<name>.png, only with ATLAS_SCREENSHOT=1. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.ATLAS_SCREENSHOT !== '1') return;
  // A full page is the dashboard: let ECharts finish growing its bars (a 1 s animation).
  if (fullPage) await page.waitForTimeout(1500);
  await page.screenshot({ path: join(imagesDir, `analyst-${name}.png`), fullPage });
}

/** A new page signed in as the demo analyst, in `lang` if given, opened at `path`. */
export async function openAnalystPage(path: string, lang?: 'es'): Promise<ProbedPage> {
  const { browser, server } = started();
  const probed = await openProbedPage(browser);
  if (lang)
    await probed.page.addInitScript((l) => {
      localStorage.setItem('atlas.lang', l);
    }, lang);
  await signInAsAnalyst(probed.page, server.url);
  await probed.page.goto(`${server.url}${path}`);
  return probed;
}
