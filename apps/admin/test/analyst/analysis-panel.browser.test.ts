// The analysis panel of the analysts' map in real Chromium against the real API on a seeded
// database (each engine): corridor coverage and an area of interest drawn on the map.
import { testEngines } from '@atlas/db/testing';
import { describe, expect, it } from 'vitest';
import { ANALYST_LAYER_IDS } from '../../src/analyst/map/layer-styles';
import { api, LOAD_TIMEOUT, screenshot, useAnalystServer } from './support/analyst-harness';
import { openMap, rendered } from './support/map-page';

describe.each(testEngines())('on %s', (engine) => {
  useAnalystServer(engine);

  describe('the analysis panel', () => {
    it('runs corridor coverage for a chosen corridor and radius and draws the stretches', async () => {
      const { page, problems, close } = await openMap();
      try {
        const corridors = await api<{
          features: { properties: { id: string; name: string; mode: string } }[];
        }>(page, '/api/v1/corridors?limit=100');
        // A road, where sites lie along the way (the picture in README shows both kinds of stretch).
        const corridor = corridors.features.find((f) => f.properties.mode === 'land')!.properties;
        const expected = await api<{ coveredShare: number }>(
          page,
          `/api/v1/analysis/corridor-coverage?corridor=${corridor.id}&radiusKm=25`,
        );

        await page.getByRole('button', { name: 'Analysis' }).click();
        await page.getByTestId('analysis-corridor').click();
        await page.getByRole('option', { name: corridor.name }).click();
        await page.getByTestId('analysis-radius').fill('25');
        await page.getByTestId('analysis-run').click();
        const result = page.getByTestId('analysis-result');
        await result.waitFor({ timeout: LOAD_TIMEOUT });
        expect(await result.getAttribute('data-analysis')).toBe('corridor-coverage');
        expect(await result.textContent()).toContain(
          `${(expected.coveredShare * 100).toFixed(1).replace(/\.0$/, '')} %`,
        );
        const drawn = await rendered(page, [ANALYST_LAYER_IDS.analysisLine]);
        expect(drawn.some((f) => f.role === 'covered' || f.role === 'uncovered')).toBe(true);
        expect(problems).toEqual([]);
        await screenshot(page, 'coverage');
      } finally {
        await close();
      }
    });

    it('reports on an area of interest drawn on the map', async () => {
      const { page, problems, close } = await openMap();
      try {
        await page.getByRole('button', { name: 'Analysis' }).click();
        await page.getByTestId('analysis-name').click();
        await page.getByRole('option', { name: 'Area of interest' }).click();
        await page.getByTestId('analysis-draw').click();
        // A box around Guatemala City.
        const corners: [number, number][] = [
          [-91.2, 14.2],
          [-90.0, 14.2],
          [-90.0, 15.0],
          [-91.2, 15.0],
        ];
        const canvas = (await page.locator('.analyst-map canvas').boundingBox())!;
        for (const corner of corners) {
          const pixel = await page.evaluate((c) => window.__atlasMap!.project(c), corner);
          await page.mouse.click(canvas.x + pixel.x, canvas.y + pixel.y);
        }
        expect(await page.getByTestId('analysis-vertices').textContent()).toBe('4 corners placed');
        await page.getByTestId('analysis-draw').click();
        await page.getByTestId('analysis-run').click();
        const result = page.getByTestId('analysis-result');
        await result.waitFor({ timeout: LOAD_TIMEOUT });
        expect(await result.getAttribute('data-analysis')).toBe('area-of-interest');
        expect(await result.textContent()).toMatch(/Area[\d,.]+ km²/);
        expect(await page.getByTestId('summary-card').count()).toBe(0);
        expect(problems).toEqual([]);
        await screenshot(page, 'area-of-interest');
      } finally {
        await close();
      }
    });
  });
});
