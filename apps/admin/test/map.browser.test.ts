// The built app in real Chromium: the region drawn from the bundled boundary files, the sites
// from the API, nothing fetched from any other host, no console errors.
import { carsiCountryCodes } from '@atlas/domain';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_COLORS, LAYER_IDS, PROGRAM_LINE_COLORS } from '../src/map/basemap-style';
import { startAtlasServer, type RunningServer } from './support/atlas-server';
import { launchChromium } from './support/browser';
import {
  colourShares,
  foreignRequests,
  hexToRgb,
  isSignedOutSessionCheck,
  openProbedPage,
  sameColour,
} from './support/page-probe';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const screenshotPath = fileURLToPath(new URL('../../../docs/screenshot.png', import.meta.url));
const LOAD_TIMEOUT = 60_000;

let browser: Browser | undefined;
let server: RunningServer | undefined;

/** The started browser and server (beforeAll fails the suite if either could not start). */
function started(): { browser: Browser; server: RunningServer } {
  if (!browser || !server) throw new Error('the test server or Chromium did not start');
  return { browser, server };
}

beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('apps/admin/dist is missing: run `pnpm --filter @atlas/admin build` first.');
  }
  server = await startAtlasServer(distDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function sitesFromApi(): Promise<{ features: { properties: { id: string } }[] }> {
  const response = await fetch(`${started().server.url}/api/v1/sites`);
  expect(response.status).toBe(200);
  return (await response.json()) as { features: { properties: { id: string } }[] };
}

describe('the admin map page', () => {
  it('draws the region and every site, fetching only from its own server', async () => {
    const { browser, server } = started();
    const expected = await sitesFromApi();
    expect(expected.features.length).toBeGreaterThan(0);
    const { page, requests, problems, close } = await openProbedPage(browser);
    try {
      await page.goto(`${server.url}/?test`);
      await page.locator('[data-map-loaded="true"]').waitFor({ timeout: LOAD_TIMEOUT });

      await expect(page.getByRole('heading', { name: 'CARSI Atlas' }).isVisible()).resolves.toBe(
        true,
      );
      await expect(page.getByText('Illustrative sample data').isVisible()).resolves.toBe(true);
      const status = page.getByTestId('status-line');
      expect(await status.getAttribute('data-sites-count')).toBe(String(expected.features.length));
      expect(await status.textContent()).toMatch(
        new RegExp(
          `^${expected.features.length.toLocaleString('en-US')} (of [\\d,]+ )?sites? shown$`,
        ),
      );

      const rendered = await page.evaluate(
        ({ countryLayer, siteLayers }) => {
          const map = window.__atlasMap;
          if (!map) throw new Error('window.__atlasMap is not set on a ?test page');
          const codes = map
            .queryRenderedFeatures({ layers: [countryLayer] })
            .map((feature) => String(feature.properties.code));
          const siteIds = map
            .queryRenderedFeatures({ layers: siteLayers })
            .map((feature) => String(feature.properties.id));
          return { countryCodes: [...new Set(codes)], siteIds: [...new Set(siteIds)] };
        },
        {
          countryLayer: LAYER_IDS.countryFill,
          siteLayers: [LAYER_IDS.sitePoint, LAYER_IDS.siteArea],
        },
      );
      expect(rendered.countryCodes).toEqual(expect.arrayContaining([...carsiCountryCodes]));
      expect(rendered.siteIds.sort()).toEqual(expected.features.map((f) => f.properties.id).sort());

      // The canvas shows the sea, CARSI land and site colours, not a blank or grey square.
      const png = await page.locator('.atlas-map canvas').screenshot();
      const colours = await colourShares(page, png);
      const present = (hex: string, minShare: number) =>
        colours.some(({ rgb, share }) => share >= minShare && sameColour(rgb, hexToRgb(hex)));
      expect(present(BASEMAP_COLORS.sea, 0.05)).toBe(true);
      expect(present(BASEMAP_COLORS.carsiLand, 0.01)).toBe(true);
      expect(present(BASEMAP_COLORS.contextLand, 0.01)).toBe(true);
      expect(Object.values(PROGRAM_LINE_COLORS).some((hex) => present(hex, 0.00001))).toBe(true);

      // Nothing from a tile server, CDN, glyph server or font host: only the test server.
      expect(foreignRequests(requests, server.url)).toEqual([]);
      expect(requests.some((url) => url.endsWith('/api/v1/sites'))).toBe(true);
      expect(requests.some((url) => url.includes('.geojson'))).toBe(true);
      expect(problems.filter((problem) => !isSignedOutSessionCheck(problem))).toEqual([]);

      if (process.env.ATLAS_SCREENSHOT === '1') {
        await page.screenshot({ path: screenshotPath });
      }
    } finally {
      await close();
    }
  });

  it('explains a failed API call in a banner and still draws the basemap', async () => {
    const { browser, server } = started();
    const { page, close } = await openProbedPage(browser);
    try {
      await page.route('**/api/v1/sites', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            statusCode: 503,
            error: 'Service Unavailable',
            message: 'the database is starting',
          }),
        }),
      );
      await page.goto(`${server.url}/?test`);
      const banner = page.getByTestId('error-banner');
      await banner.waitFor({ timeout: LOAD_TIMEOUT });
      expect(await banner.textContent()).toContain('Sites could not be loaded');
      expect(await banner.textContent()).toContain('503');
      expect(await banner.textContent()).toContain('the database is starting');
      expect(await page.getByTestId('status-line').textContent()).toContain('No sites shown');
      await page.waitForFunction(
        (layer) => (window.__atlasMap?.queryRenderedFeatures({ layers: [layer] }).length ?? 0) > 0,
        LAYER_IDS.countryFill,
        { timeout: LOAD_TIMEOUT },
      );
    } finally {
      await close();
    }
  });
});
