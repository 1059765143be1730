// Small steps the browser tests share: signing in, Mantine selects, clicking the map at a
// longitude/latitude, and README screenshots.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, TEST_PASSWORD, type DemoRole } from './accounts';

export const LOAD_TIMEOUT = 60_000;

/** Sign in through the sign-in page (a `?test` page, so the maps are exposed to the tests). */
export async function signIn(page: Page, baseUrl: string, role: DemoRole): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?test`);
  await page.getByLabel('E-mail').fill(DEMO_ACCOUNTS[role]);
  await page.getByRole('textbox', { name: 'Password' }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-menu').waitFor({ timeout: LOAD_TIMEOUT });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The input a visible `<label>` (with or without the required asterisk) belongs to. */
export async function fieldByLabel(page: Page, fieldLabel: string): Promise<Locator> {
  const label = page
    .locator('label:visible')
    .filter({ hasText: new RegExp(`^${escapeRegExp(fieldLabel)}\\s*\\*?$`) })
    .first();
  const id = await label.getAttribute('for', { timeout: LOAD_TIMEOUT });
  if (!id) throw new Error(`the label "${fieldLabel}" names no input`);
  return page.locator(`[id="${id}"]`);
}

/** Pick an option of a Mantine Select or MultiSelect by the field's label. */
export async function choose(page: Page, fieldLabel: string, ...options: string[]): Promise<void> {
  const input = await fieldByLabel(page, fieldLabel);
  for (const option of options) {
    // A MultiSelect's pills box lies over its input: click through it.
    await input.click({ force: true });
    await page.getByRole('option', { name: option }).first().click();
  }
  await page.keyboard.press('Escape');
}

/** Wait until the map inside `scope` has loaded its style and basemap. */
export async function mapReady(scope: Locator): Promise<void> {
  await scope.locator('[data-map-loaded="true"]').waitFor({ timeout: LOAD_TIMEOUT });
}

/** Click the map (the one exposed as window.__atlasMap) at a longitude and latitude. */
export async function clickMapAt(
  page: Page,
  canvas: Locator,
  lngLat: [number, number],
): Promise<void> {
  const point = await page.evaluate(([lng, lat]) => {
    const map = window.__atlasMap;
    if (!map) throw new Error('window.__atlasMap is not set (open a ?test page)');
    const { x, y } = map.project([lng, lat]);
    return { x, y };
  }, lngLat);
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the map canvas is not visible');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

const imagesDir = fileURLToPath(new URL('../../../../docs/images/', import.meta.url));

/** Save a README screenshot (docs/images/<name>.png), only when ATLAS_SCREENSHOT=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.ATLAS_SCREENSHOT !== '1') return;
  const path = `${imagesDir}${name}.png`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}
