// The analysts' dashboard in real Chromium against the real API on a seeded database (each
// engine): every chart draws data, the totals equal the API's summary, the filters narrow them,
// ECharts arrives with the dashboard only, and the Spanish interface.
import { testEngines } from '@atlas/db/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProbedPage } from '../support/page-probe';
import {
  api,
  LOAD_TIMEOUT,
  openAnalystPage,
  screenshot,
  useAnalystServer,
} from './support/analyst-harness';

interface SummaryAnswer {
  funding: { totals: Record<'committed' | 'obligated' | 'disbursed', number> };
}

const CHARTS = [
  'country',
  'year',
  'line',
  'goal',
  'account',
  'per-at-risk',
  'gaps',
  'precision',
] as const;

/** A signed-in dashboard page, once the programs' funding rows have arrived. */
async function openDashboard(search: string, lang?: 'es'): Promise<ProbedPage> {
  const probed = await openAnalystPage(`/dashboard${search}`, lang);
  await probed.page
    .locator('[data-testid="dashboard-page"][data-funding-ready="true"]')
    .waitFor({ timeout: LOAD_TIMEOUT });
  return probed;
}

/** How many values each chart draws, once every chart has some (ECharts' series data). */
async function chartPoints(page: Page): Promise<Record<string, number>> {
  const points: Record<string, number> = {};
  for (const chart of CHARTS) {
    const element = page.getByTestId(`chart-${chart}`);
    await element.locator('canvas').waitFor({ timeout: LOAD_TIMEOUT });
    await expect
      .poll(async () => Number(await element.getAttribute('data-points')), {
        timeout: LOAD_TIMEOUT,
        message: `chart-${chart} has data`,
      })
      .toBeGreaterThan(0);
    points[chart] = Number(await element.getAttribute('data-points'));
  }
  return points;
}

async function shownTotals(page: Page): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const stage of ['committed', 'obligated', 'disbursed']) {
    totals[stage] = Number(await page.getByTestId(`total-${stage}`).getAttribute('data-value'));
  }
  return totals;
}

describe.each(testEngines())('on %s', (engine) => {
  useAnalystServer(engine);

  describe('the dashboard', () => {
    it('fills every chart with the funding of all programs, adding up to the region summary', async () => {
      const { page, requests, problems, close } = await openDashboard('');
      try {
        const all = await api<{ total: number }>(page, '/api/v1/programs?limit=1');
        expect(await page.getByTestId('dashboard-page').getAttribute('data-programs')).toBe(
          String(all.total),
        );
        const points = await chartPoints(page);
        // Every CARSI member has programs: three stages for each (zeros are not drawn).
        expect(points.country).toBeGreaterThanOrEqual(7 * 2);
        expect(points['per-at-risk']).toBeGreaterThanOrEqual(5);
        const summary = await api<SummaryAnswer>(page, '/api/v1/analysis/summary');
        expect(await shownTotals(page)).toEqual(summary.funding.totals);
        expect(requests.some((url) => /\/assets\/echarts-[^/]*\.js$/.test(url))).toBe(true);
        expect(problems).toEqual([]);
        await screenshot(page, 'dashboard-region', true);
      } finally {
        await close();
      }
    });

    it('narrows the charts to the filtered programs and the chosen country’s share, in Spanish', async () => {
      const { page, problems, close } = await openDashboard('?country=GT', 'es');
      try {
        const gt = await api<{ total: number }>(page, '/api/v1/programs?country=GT&limit=1');
        expect(await page.getByTestId('dashboard-page').getAttribute('data-programs')).toBe(
          String(gt.total),
        );
        await expect(page.getByRole('heading', { name: 'Tablero' }).isVisible()).resolves.toBe(
          true,
        );
        const points = await chartPoints(page);
        // Guatemala alone: one country, one point against its homicide rate.
        expect(points.country).toBeLessThanOrEqual(3);
        expect(points['per-at-risk']).toBe(1);
        // The same figures as the API's summary of Guatemala (the same split of shared programs).
        const summary = await api<SummaryAnswer>(page, '/api/v1/analysis/summary?country=GT');
        expect(await shownTotals(page)).toEqual(summary.funding.totals);
        expect(await page.getByTestId('dashboard-totals').textContent()).toContain('Comprometido');
        expect(problems).toEqual([]);
        await screenshot(page, 'dashboard', true);
      } finally {
        await close();
      }
    });
  });
});
