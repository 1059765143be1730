// A coordinator's day in real Chromium against the real API and database: sign in, create a
// program with funding, place a site on the map, edit, meet a conflict, restore a version,
// draw a corridor. One browser per file; one page per engine, the steps in order.
import { testEngines } from '@atlas/db/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, TEST_PASSWORD, type ApiSession } from './support/accounts';
import { startAtlasServer, type RunningServer } from './support/atlas-server';
import { launchChromium } from './support/browser';
import { foreignRequests, openProbedPage, type ProbedPage } from './support/page-probe';
import { capture, saveShot, saveStacked } from './support/screenshots';
import {
  choose,
  clickMapAt,
  fieldByLabel,
  LOAD_TIMEOUT,
  mapReady,
  screenshot,
  signIn,
} from './support/ui';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const GUATEMALA_CITY: [number, number] = [-90.5133, 14.6349];
const CORRIDOR: [number, number][] = [
  [-91.6, 15.0],
  [-90.6, 15.6],
  [-89.6, 16.2],
];

let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('apps/admin/dist is missing: run `pnpm --filter @atlas/admin build` first.');
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface ProgramJson {
  id: string;
  version: number;
  title: string;
  summary: string;
  funding: { fiscalYear: number; account: string; stage: string; amountUsd: number }[];
}

describe.each(testEngines())('a coordinator edits the registry (%s)', (engine) => {
  let server: RunningServer;
  let probe: ProbedPage;
  let page: Page;
  let admin: ApiSession;
  let programId = '';

  const program = async (): Promise<ProgramJson> => {
    const response = await fetch(`${server.url}/api/v1/programs/${programId}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ProgramJson;
  };
  const saveButton = () => page.getByTestId('save-program');
  const field = (label: string) => fieldByLabel(page, label);
  const versionBadge = () => page.getByTestId('record-version');

  beforeAll(async () => {
    if (!browser) throw new Error('Chromium did not start');
    server = await startAtlasServer(distDir, { engine, demoPassword: TEST_PASSWORD });
    admin = await apiSession(server.url, 'admin');
    probe = await openProbedPage(browser);
    page = probe.page;
  }, 300_000); // a loaded machine may take minutes to start the database and the app

  afterAll(async () => {
    // Either may be missing when beforeAll failed.
    await (probe as ProbedPage | undefined)?.close();
    await (server as RunningServer | undefined)?.close();
  });

  it('signs in and starts at the program registry', async () => {
    await signIn(page, server.url, 'coordinator');
    await page.waitForURL('**/programs');
    await page.getByRole('table', { name: 'Programs' }).waitFor();
    expect(await page.getByTestId('role-badge').textContent()).toBe('Coordinator · GT, HN');
    // The table is drawn before its rows arrive: wait for the first, then count.
    const rows = page.getByRole('table', { name: 'Programs' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    // Filters live in the URL.
    await choose(page, 'Program line', 'Community policing');
    await page.waitForURL(/line=prevention/);
    await page.getByRole('heading', { name: 'Programs' }).click(); // the filter's focus ring off
    saveShot('admin-programs', await capture(page, { width: 1440, height: 900 }));
  });

  it('validates with the shared schemas before anything is sent', async () => {
    await page.getByRole('link', { name: 'New program' }).click();
    await saveButton().waitFor();
    await (await field('Code')).fill('not a code');
    await saveButton().click();
    await page.getByTestId('form-error').waitFor();
    // The code's pattern error sits on the code field (aria-describedby), in English.
    const code = await field('Code');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/^must match pattern/).waitFor();
    expect(await page.getByText('Required').count()).toBeGreaterThan(0);
  });

  it('creates a program with funding', async () => {
    await (await field('Code')).fill('GT-E2E-001');
    await (await field('Title (English)')).fill('Community policing in Mixco');
    await (await field('Title (Spanish)')).fill('Policía comunitaria en Mixco');
    await (
      await field('Summary (English)')
    ).fill('Training and patrols with neighbourhood councils.');
    await (
      await field('Summary (Spanish)')
    ).fill('Capacitación y patrullajes con consejos vecinales.');
    await choose(page, 'Program line', 'Community policing');
    await choose(page, 'CARSI goals', 'Safe streets for the citizens of the region');
    await choose(page, 'Countries', 'Guatemala');
    await choose(page, 'Agency', 'Department of Justice');
    await (await field('Start date')).fill('2024-10-01');

    await page.getByRole('tab', { name: /Funding/ }).click();
    await (await field('Fiscal year')).fill('2025');
    await page.getByRole('button', { name: 'Add fiscal year and account' }).click();
    await page.getByLabel('FY2025 INCLE Committed').fill('500000');
    await page.getByLabel('FY2025 INCLE Obligated').fill('250000');
    await page.getByLabel('FY2025 INCLE Disbursed').fill('300000');
    await page.keyboard.press('Tab');
    expect(await page.getByTestId('funding-total-committed').textContent()).toBe('$500,000');

    // Disbursed over obligated breaks a domain rule: shown on the cell, in the user's language.
    await saveButton().click();
    await page.getByText('FY2025 INCLE: Disbursed is more than Obligated').waitFor();
    await page.getByLabel('FY2025 INCLE Disbursed').fill('100000');
    await saveButton().click();

    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/, { timeout: LOAD_TIMEOUT });
    programId = page.url().split('/').at(-1) ?? '';
    await page.getByTestId('saved-note').waitFor();
    const saved = await program();
    expect(saved.version).toBe(1);
    expect(saved.funding).toEqual(
      expect.arrayContaining([
        { fiscalYear: 2025, account: 'INCLE', stage: 'committed', amountUsd: 500000 },
        { fiscalYear: 2025, account: 'INCLE', stage: 'obligated', amountUsd: 250000 },
        { fiscalYear: 2025, account: 'INCLE', stage: 'disbursed', amountUsd: 100000 },
      ]),
    );
  });

  it('places a site by clicking the map and shows its derived country and department', async () => {
    // The README's editor image: the saved program's funding grid above its site map.
    await page.getByRole('tab', { name: /Funding/ }).click();
    await page.getByLabel('FY2025 INCLE Committed').waitFor();
    const fundingShot = await capture(page, { clipHeight: 345 });
    await page.getByRole('tab', { name: 'Sites' }).click();
    const mapBox = page.locator('.atlas-editor-map');
    await mapReady(mapBox);
    await page.getByTestId('add-site').click();
    await (await field('Site name')).fill('Mixco police station');
    await clickMapAt(page, mapBox.locator('canvas'), GUATEMALA_CITY);
    expect(await page.getByTestId('site-geometry').textContent()).toMatch(
      /^Point \(-90\.5\d+, 14\.6\d+\)$/,
    );
    await page.getByTestId('save-site').click();
    const derived = page.getByTestId('site-derived');
    await derived.waitFor({ timeout: LOAD_TIMEOUT });
    expect(await derived.textContent()).toContain('Country: GT');
    expect(await derived.textContent()).toMatch(/Department: GT-\w+/);
    await page
      .getByRole('navigation', { name: 'Sites of this program' })
      .getByText('Mixco police station')
      .waitFor();
    await saveStacked(page, 'admin-program-editor', [fundingShot, await capture(page)]);

    const sites = await fetch(`${server.url}/api/v1/programs/${programId}/sites`);
    const body = (await sites.json()) as { features: { properties: { country: string } }[] };
    expect(body.features.map((feature) => feature.properties.country)).toEqual(['GT']);
  });

  it('edits the program (If-Match: only the changed field is sent)', async () => {
    await page.getByRole('tab', { name: 'Details' }).click();
    await (await field('Title (English)')).fill('Community policing in Mixco and Villa Nueva');
    await saveButton().click();
    await page.getByText('Saved as version 2.').waitFor();
    expect((await program()).title).toBe('Community policing in Mixco and Villa Nueva');
  });

  it('shows a conflict when someone else saved meanwhile, and re-applies on request', async () => {
    // Another person changes the title through the API while the page still has version 2.
    const other = await admin.call(`/api/v1/programs/${programId}`, {
      method: 'PATCH',
      headers: { 'if-match': '"2"' },
      body: JSON.stringify({ title: 'Changed by the administrator' }),
    });
    expect(other.status).toBe(200);

    await (await field('Summary (English)')).fill('Patrols, training and youth clubs.');
    await saveButton().click();
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await dialog.waitFor();
    // Who saved meanwhile comes from the record's history, fetched when the conflict shows.
    await dialog.getByText(/admin@example\.org/).waitFor();
    const row = dialog.getByTestId('conflict-row-title');
    expect(await row.textContent()).toContain('Changed by the administrator');
    expect(await dialog.textContent()).toContain('admin@example.org');
    expect(await dialog.textContent()).toContain('You changed: Summary (English)');
    await screenshot(page, 'admin-conflict');
    // Nothing was overwritten yet.
    expect((await program()).summary).toBe('Training and patrols with neighbourhood councils.');

    await dialog.getByRole('button', { name: 'Apply my changes on top' }).click();
    await dialog.waitFor({ state: 'detached' });
    const merged = await program();
    expect(merged.version).toBe(4);
    expect(merged.title).toBe('Changed by the administrator');
    expect(merged.summary).toBe('Patrols, training and youth clubs.');
    expect(await (await field('Title (English)')).inputValue()).toBe(
      'Changed by the administrator',
    );
  });

  it('lists the history with who and what, and restores a version', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('history');
    await history.waitFor();
    const v3 = history.getByTestId('history-version-3');
    expect(await v3.textContent()).toContain('admin@example.org');
    expect(await v3.textContent()).toContain('Changed by the administrator');
    await screenshot(page, 'admin-history');

    await history
      .getByTestId('history-version-2')
      .getByRole('button', { name: 'Restore version 2' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore version 2' }).click();
    await history.getByTestId('history-version-5').waitFor({ timeout: LOAD_TIMEOUT });
    const restored = await program();
    expect(restored.version).toBe(5);
    expect(restored.title).toBe('Community policing in Mixco and Villa Nueva');
    expect(restored.summary).toBe('Training and patrols with neighbourhood councils.');
    expect(await versionBadge().textContent()).toBe('Version 5');
  });

  it('draws a corridor with Terra Draw and saves it', async () => {
    await page.getByRole('link', { name: 'Corridors' }).click();
    await page.getByRole('link', { name: 'New corridor' }).click();
    await page.getByTestId('save-record').waitFor();
    await (await field('Name')).fill('Petén land route');
    await choose(page, 'Threats', 'Narcotics');
    await (await field('Source')).fill('Field reports 2024');
    await (await field('Valid from')).fill('2024-01-01');

    const mapBox = page.locator('.atlas-editor-map');
    await mapReady(mapBox);
    // Zoom in to Guatemala as a person would: at the regional zoom the points lie within Terra
    // Draw's pointer distance of each other, and a click there means "finish the line".
    await page.evaluate((center) => {
      window.__atlasMap?.jumpTo({ center, zoom: 6 });
    }, CORRIDOR[1] ?? GUATEMALA_CITY);
    // Clicks are placed by projecting coordinates: the map must have stopped moving.
    await page.waitForFunction(() => window.__atlasMap?.isMoving() === false);
    await page.getByTestId('draw-mode').click();
    const canvas = mapBox.locator('canvas');
    for (const point of CORRIDOR) {
      await clickMapAt(page, canvas, point);
      await page.waitForTimeout(150); // separate clicks, not a double-click zoom
    }
    // The pointer leaves the last vertex before Enter, as a person's hand does.
    const last = await canvas.boundingBox();
    if (last) await page.mouse.move(last.x + 5, last.y + 5, { steps: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Reshape', pressed: true }).waitFor();
    await screenshot(page, 'admin-corridor');
    await page.getByTestId('save-record').click();
    await page.waitForURL(/\/corridors\/[0-9a-f-]{36}$/, { timeout: LOAD_TIMEOUT });
    const id = page.url().split('/').at(-1) ?? '';
    const response = await admin.call(`/api/v1/corridors/${id}`);
    const corridor = (await response.json()) as {
      name: string;
      geometry: { type: string; coordinates: number[][] };
    };
    expect(corridor.name).toBe('Petén land route');
    expect(corridor.geometry.type).toBe('LineString');
    expect(corridor.geometry.coordinates, JSON.stringify(corridor.geometry)).toHaveLength(
      CORRIDOR.length,
    );
    corridor.geometry.coordinates.forEach(([lng = 0, lat = 0], i) => {
      const [wantLng = 0, wantLat = 0] = CORRIDOR[i] ?? [];
      expect(Math.abs(lng - wantLng)).toBeLessThan(0.05);
      expect(Math.abs(lat - wantLat)).toBeLessThan(0.05);
    });
  });

  it('fetched nothing from other hosts and logged no errors', () => {
    expect(foreignRequests(probe.requests, server.url)).toEqual([]);
    // The expected refusals: 401 from /auth/me before signing in, 412 of the conflict.
    const expected = /status of (401|412)\b/;
    expect(probe.problems.filter((problem) => !expected.test(problem))).toEqual([]);
  });
});
