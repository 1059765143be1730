// The analysts' map in real Chromium against the real API on a seeded database (each engine):
// framing, layers and legend, filters and URL state, the summary card, the time slider and
// exports. The analysis panel (analysis-panel.browser.test.ts) and the dashboard
// (dashboard.browser.test.ts) have their own files.
import { readFileSync } from 'node:fs';
import { testEngines } from '@atlas/db/testing';
import { describe, expect, it } from 'vitest';
import { ANALYST_LAYER_IDS } from '../../src/analyst/map/layer-styles';
import { foreignRequests } from '../support/page-probe';
import {
  api,
  LOAD_TIMEOUT,
  screenshot,
  started,
  useAnalystServer,
} from './support/analyst-harness';
import {
  layerPresent,
  layerSwitch,
  openMap,
  rendered,
  SITE_LAYERS,
  type CommunityCollection,
  type SiteCollection,
} from './support/map-page';

describe.each(testEngines())('on %s', (engine) => {
  useAnalystServer(engine);

  describe('the analyst map', () => {
    it('draws the basemap with bundled-font labels and the sites, fetching only from its own server', async () => {
      const { page, requests, problems, close } = await openMap();
      try {
        const labels = await rendered(page, [ANALYST_LAYER_IDS.countryLabel]);
        expect(labels.map((l) => l.name)).toEqual(
          expect.arrayContaining(['Guatemala', 'Honduras']),
        );
        // Sites come from the vector tiles: single sites and, at the regional zoom, clusters.
        const sites = await rendered(page, [
          ANALYST_LAYER_IDS.sitePoint,
          ANALYST_LAYER_IDS.siteCluster,
        ]);
        expect(sites.length).toBeGreaterThan(0);
        expect(await page.getByTestId('analyst-map-page').getAttribute('data-source-kind')).toBe(
          'tiles',
        );
        expect(requests.some((url) => /\/tiles\/sites\/\d+\/\d+\/\d+\.mvt/.test(url))).toBe(true);
        expect(foreignRequests(requests, started().server.url)).toEqual([]);
        expect(requests.some((url) => url.includes('noto-sans-latin-400-normal'))).toBe(true);
        // ECharts is the dashboard's alone: the map never downloads it.
        expect(requests.filter((url) => /\/assets\/echarts-[^/]*\.js$/.test(url))).toEqual([]);
        expect(problems).toEqual([]);
        await screenshot(page, 'map');
      } finally {
        await close();
      }
    });

    it('opens framed on Central America, reaches the US border, and lets a link set the view', async () => {
      const { page, problems, close } = await openMap();
      const bounds = () => page.evaluate(() => window.__atlasMap!.getBounds().toArray());
      try {
        const [[west, south], [east, north]] = await bounds();
        // Guatemala's western border (-92.2) to Panama's eastern one (-77.2), Belize (up to 18.5 N)
        // and southern Mexico in view; the US is not what the view is about.
        expect(west).toBeLessThanOrEqual(-92.3);
        expect(east).toBeGreaterThanOrEqual(-77.3);
        expect(south).toBeLessThanOrEqual(7.3);
        expect(north).toBeGreaterThanOrEqual(18.5);
        expect(north).toBeLessThan(25);
        // The whole region, from the US Southwest border, is still there to zoom out to.
        await page.evaluate(() => {
          window.__atlasMap!.fitBounds(
            [
              [-118, 7],
              [-77, 34],
            ],
            { duration: 0 },
          );
        });
        const [[regionWest], [, regionNorth]] = await bounds();
        expect(regionNorth).toBeGreaterThanOrEqual(32.5);
        expect(regionWest).toBeLessThanOrEqual(-117);
      } finally {
        await close();
      }
      // A shared link's position wins over the default framing.
      const linked = await openMap('map=-99.1,19.4,6.5');
      try {
        const view = await linked.page.evaluate(() => ({
          center: window.__atlasMap!.getCenter().toArray(),
          zoom: window.__atlasMap!.getZoom(),
        }));
        expect(view.center[0]).toBeCloseTo(-99.1, 1);
        expect(view.center[1]).toBeCloseTo(19.4, 1);
        expect(view.zoom).toBeCloseTo(6.5, 1);
        expect([...problems, ...linked.problems]).toEqual([]);
      } finally {
        await linked.close();
      }
    });

    it('toggles layers with their legends and keeps the layers in the URL', async () => {
      const { page, problems, close } = await openMap();
      try {
        expect(await layerPresent(page, ANALYST_LAYER_IDS.corridorLine)).toBe(true);
        await expect(page.getByTestId('legend-corridors').isVisible()).resolves.toBe(true);
        await rendered(page, [ANALYST_LAYER_IDS.corridorLine]);

        await layerSwitch(page, 'corridors').click({ force: true });
        await page.waitForFunction(
          (id) => !window.__atlasMap?.getLayer(id),
          ANALYST_LAYER_IDS.corridorLine,
        );
        expect(await page.getByTestId('legend-corridors').count()).toBe(0);

        await layerSwitch(page, 'communities').click({ force: true });
        await rendered(page, [ANALYST_LAYER_IDS.communityCircle]);
        // At the regional zoom tiles cluster communities; close in on one, where each is itself.
        const listed = await api<CommunityCollection>(page, '/api/v1/communities?limit=2000');
        const community = listed.features.find((f) => f.geometry.type === 'Point')!;
        const home = await page.evaluate(() => ({
          center: window.__atlasMap!.getCenter().toArray(),
          zoom: window.__atlasMap!.getZoom(),
        }));
        await page.evaluate(
          (coords) => window.__atlasMap!.jumpTo({ center: coords as [number, number], zoom: 14 }),
          community.geometry.coordinates,
        );
        const drawnCommunity = await page
          .waitForFunction(
            ({ id, layer }) => {
              const features = window.__atlasMap!.queryRenderedFeatures({ layers: [layer] });
              const found = features.find((f) => (f.id ?? f.properties.id) === id);
              return found ? { ...found.properties } : false;
            },
            { id: community.properties.id, layer: ANALYST_LAYER_IDS.communityCircle },
            { timeout: LOAD_TIMEOUT },
          )
          .then((handle) => handle.jsonValue());
        expect(drawnCommunity).not.toHaveProperty('cluster');
        expect(drawnCommunity).toMatchObject({
          name: community.properties.name,
          homicideRate: community.properties.homicideRate,
          population: community.properties.population,
        });
        await page.evaluate((view) => window.__atlasMap!.jumpTo(view), home);
        await layerSwitch(page, 'heatmap').check({ force: true });
        await layerSwitch(page, 'hexbins').check({ force: true });
        const cells = await rendered(page, [ANALYST_LAYER_IDS.hexFill]);
        expect(cells.every((cell) => Number(cell.count) >= 1)).toBe(true);
        expect(await layerPresent(page, ANALYST_LAYER_IDS.incidentHeat)).toBe(true);

        const url = new URL(page.url());
        expect(url.searchParams.get('layers')?.split(',').sort()).toEqual(
          ['borders', 'communities', 'heatmap', 'hexbins', 'labels', 'sites'].sort(),
        );
        // The same URL opened again shows the same layers.
        await page.goto(url.toString());
        await page.locator('[data-map-loaded="true"]').waitFor({ timeout: LOAD_TIMEOUT });
        await rendered(page, [ANALYST_LAYER_IDS.communityCircle]);
        expect(await layerPresent(page, ANALYST_LAYER_IDS.corridorLine)).toBe(false);
        expect(problems).toEqual([]);
        await screenshot(page, 'layers');
      } finally {
        await close();
      }
    });

    it('filters the map, the program list and the export by country, shared through the URL', async () => {
      const { page, problems, close } = await openMap();
      try {
        const all = await api<{ total: number }>(page, '/api/v1/programs?limit=1');
        const guatemala = await api<{ total: number; items: { id: string }[] }>(
          page,
          '/api/v1/programs?country=GT&limit=500',
        );
        expect(guatemala.total).toBeGreaterThan(0);
        expect(guatemala.total).toBeLessThan(all.total);

        // Mantine's MultiSelect is a searchable combobox named by the field's label.
        await page.getByRole('combobox', { name: 'Country', exact: true }).fill('Guatem');
        await page.getByRole('option', { name: 'Guatemala' }).click();
        await page.waitForFunction(
          () => new URLSearchParams(location.search).get('country') === 'GT',
        );

        await page.getByRole('button', { name: 'Programs' }).click();
        const list = page.getByTestId('program-list');
        await expect
          .poll(() => list.getAttribute('data-count'), { timeout: LOAD_TIMEOUT })
          .toBe(String(guatemala.total));

        // Site tiles are asked for Guatemala only; single sites belong to its programs.
        await page.waitForFunction(
          () => {
            const source = window.__atlasMap?.getSource('analyst-sites') as
              { tiles?: string[] } | undefined;
            return Boolean(source?.tiles?.[0]?.includes('country=GT'));
          },
          undefined,
          { timeout: LOAD_TIMEOUT },
        );
        const ids = new Set(guatemala.items.map((p) => p.id));
        const sites = await rendered(page, SITE_LAYERS);
        const single = sites.filter((site) => !site.cluster);
        expect(
          single.every((site) => site.country === 'GT' && ids.has(String(site.programId))),
        ).toBe(true);

        // A shared link opens with the same filter.
        const shared = await openMap('country=GT&line=prevention');
        try {
          const filterPanel = shared.page.getByTestId('filter-panel');
          expect(await filterPanel.textContent()).toContain('Community policing');
          const prevention = await rendered(shared.page, SITE_LAYERS);
          const single = prevention.filter((site) => !site.cluster);
          expect(single.every((site) => site.line === 'prevention' && site.country === 'GT')).toBe(
            true,
          );
        } finally {
          await shared.close();
        }
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('opens a summary card with a link to the record when a site is clicked', async () => {
      const { page, close } = await openMap();
      try {
        const sites = await api<SiteCollection>(page, '/api/v1/sites');
        const point = sites.features.find((f) => f.geometry.type === 'Point')!;
        // Close in, where tiles no longer cluster sites.
        await page.evaluate(
          (coords) => window.__atlasMap!.jumpTo({ center: coords as [number, number], zoom: 14 }),
          point.geometry.coordinates,
        );
        await rendered(page, [ANALYST_LAYER_IDS.sitePoint]);
        await page.waitForFunction(() =>
          new URLSearchParams(location.search).get('map')?.endsWith(',14'),
        );
        const pixel = await page.evaluate(
          (coords) => window.__atlasMap!.project(coords as [number, number]),
          point.geometry.coordinates,
        );
        const canvas = await page.locator('.analyst-map canvas').boundingBox();
        await page.mouse.click(canvas!.x + pixel.x, canvas!.y + pixel.y);
        const card = page.getByTestId('summary-card');
        await card.waitFor();
        const href = await card.getByTestId('summary-link').getAttribute('href');
        expect(href).toMatch(/^\/programs\/[0-9a-f-]{36}$/);
        const clicked = sites.features.find((f) => href === `/programs/${f.properties.programId}`);
        expect(clicked).toBeDefined();
        await screenshot(page, 'summary-card');
        await card.getByRole('button', { name: 'Close the summary' }).click();
        expect(await card.count()).toBe(0);
      } finally {
        await close();
      }
    });

    it('plays the time slider over fiscal years, narrowing programs to those running', async () => {
      const { page, problems, close } = await openMap('layers=sites,heatmap,borders,labels');
      try {
        const programs = await api<{
          items: { id: string; startDate: string; endDate: string | null }[];
        }>(page, '/api/v1/programs?limit=500');
        await page.getByRole('switch', { name: 'Time' }).click({ force: true });
        const current = page.getByTestId('time-current');
        const first = await current.textContent();
        expect(first).toMatch(/^FY \d{4}$/);
        await page.waitForFunction(() =>
          /^\d{4}$/.test(new URLSearchParams(location.search).get('at') ?? ''),
        );

        await page.getByTestId('time-play').click();
        await expect.poll(() => current.textContent(), { timeout: LOAD_TIMEOUT }).not.toBe(first);
        await page.getByTestId('time-play').click(); // pause
        const at = new URL(page.url()).searchParams.get('at')!;
        const fy = Number(at);
        const from = `${fy - 1}-10-01`;
        const to = `${fy}-09-30`;
        const running = programs.items.filter(
          (p) => p.startDate <= to && (p.endDate === null || p.endDate >= from),
        );
        await page.getByRole('button', { name: 'Programs' }).click();
        await expect
          .poll(() => page.getByTestId('program-list').getAttribute('data-count'), {
            timeout: LOAD_TIMEOUT,
          })
          .toBe(String(running.length));
        // Incidents are asked for the step's dates only.
        await page.waitForFunction(
          ({ from, to }) => {
            const source = window.__atlasMap?.getSource('analyst-incidents') as
              { tiles?: string[] } | undefined;
            return Boolean(source?.tiles?.[0]?.includes(`from=${from}&to=${to}`));
          },
          { from, to },
          { timeout: LOAD_TIMEOUT },
        );
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('exports the map as PNG and the selection as CSV with names and as GeoJSON', async () => {
      const { page, problems, close } = await openMap('country=HN');
      try {
        const honduras = await api<{ items: { id: string; code: string }[] }>(
          page,
          '/api/v1/programs?country=HN&limit=500',
        );
        const sites = await api<SiteCollection>(page, '/api/v1/sites?limit=10000');
        const ids = new Set(honduras.items.map((p) => p.id));
        const expected = sites.features.filter(
          (f) => ids.has(f.properties.programId) && f.properties.country === 'HN',
        );
        expect(expected.length).toBeGreaterThan(0);

        await page.getByRole('button', { name: 'Export' }).click();
        await expect
          .poll(() => page.getByTestId('export-count').textContent(), { timeout: LOAD_TIMEOUT })
          .toBe(`${expected.length} sites in the selection`);

        const [png] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('export-png').click(),
        ]);
        expect(png.suggestedFilename()).toMatch(/^carsi-map-\d{4}-\d{2}-\d{2}\.png$/);
        const pngBytes = readFileSync(await png.path());
        expect([...pngBytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe(
          'PNG',
        );
        expect(pngBytes.length).toBeGreaterThan(10_000);

        // Add the country code column next to the country name.
        await page.getByRole('checkbox', { name: 'Country code' }).check();
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('export-csv').click(),
        ]);
        const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
        const lines = text.trim().split('\r\n');
        expect(lines[0]).toBe(
          'Site,Program code,Program,Line,Status,Country code,Country,Longitude,Latitude',
        );
        expect(lines).toHaveLength(expected.length + 1);
        expect(lines.slice(1).every((line) => line.includes(',HN,Honduras,'))).toBe(true);
        const codes = new Set(honduras.items.map((p) => p.code));
        expect(
          lines.slice(1).every((line) => [...codes].some((code) => line.includes(`,${code},`))),
        ).toBe(true);

        const [geojson] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('export-geojson').click(),
        ]);
        const collection = JSON.parse(readFileSync(await geojson.path(), 'utf8')) as SiteCollection;
        expect(collection.features.map((f) => f.properties.id).sort()).toEqual(
          expected.map((f) => f.properties.id).sort(),
        );
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  });
});
