// A coordinator imports incidents from a CSV in real Chromium against the real API: maps the id
// column, previews and sees the bad rows (row, field, message; in Spanish too), fixes the file,
// commits (progress to 100 %, the counts, the batch), finds the rows in the incident list, and
// finds the mapping remembered for the source on the next import.
import { testEngines } from '@atlas/db/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from './support/accounts';
import { startAtlasServer, type RunningServer } from './support/atlas-server';
import { launchChromium } from './support/browser';
import {
  foreignRequests,
  isSignedOutSessionCheck,
  openProbedPage,
  type ProbedPage,
} from './support/page-probe';
import { capture, saveShot } from './support/screenshots';
import { choose, fieldByLabel, LOAD_TIMEOUT, signIn } from './support/ui';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const SOURCE = 'e2e-seizures';
const HEADER = 'record_id,date,kind,country,threat,quantity,unit,description,source,lon,lat';
const GOOD_ROWS = [
  'E2E-1,2026-11-20,seizure,GT,narcotics,120,kg,Cocaine in a truck at Pedro de Alvarado,E2E import test,-90.19,13.92',
  'E2E-3,2026-11-22,homicide,HN,,,,Homicide reported in San Pedro Sula,E2E import test,-88.02,15.50',
];
/** Row 2 has an unknown country code, row 3 a quantity that is not a number. */
const BAD_CSV = [
  HEADER,
  GOOD_ROWS[0],
  'E2E-2,2026-11-21,seizure,XX,firearms,12,units,Rifles found in a bus,E2E import test,-87.20,14.10',
  GOOD_ROWS[1]?.replace(',,,,', ',,many,,'),
].join('\n');
const FIXED_CSV = [
  HEADER,
  GOOD_ROWS[0],
  'E2E-2,2026-11-21,seizure,HN,firearms,12,units,Rifles found in a bus,E2E import test,-87.20,14.10',
  GOOD_ROWS[1],
].join('\n');

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

async function chooseCsv(page: Page, text: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({
    name: 'seizures.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
}

describe.each(testEngines())('a coordinator imports incidents from a CSV (%s)', (engine) => {
  let server: RunningServer;
  let probe: ProbedPage;
  let page: Page;
  const problems = () => page.getByRole('table', { name: 'Problems by row' });
  const progress = () => page.getByRole('progressbar', { name: 'Import progress' });
  const count = async (name: string) =>
    (await page.getByTestId(`import-count-${name}`).textContent())?.replace(/\D+/g, ' ').trim();

  beforeAll(async () => {
    if (!browser) throw new Error('Chromium did not start');
    server = await startAtlasServer(distDir, { engine, demoPassword: TEST_PASSWORD });
    probe = await openProbedPage(browser);
    page = probe.page;
  }, 300_000); // a loaded machine may take minutes to start the database and the app

  afterAll(async () => {
    await (probe as ProbedPage | undefined)?.close();
    await (server as RunningServer | undefined)?.close();
  });

  it('opens the import page from the navigation', async () => {
    await signIn(page, server.url, 'coordinator');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Import' })
      .click();
    await page.waitForURL('**/import');
    await page.getByRole('heading', { name: 'Import' }).waitFor();
    // Nothing can be sent before the collection, the file and the source are given.
    expect(await page.getByTestId('import-preview').isDisabled()).toBe(true);
  });

  it('previews a file with bad rows and reports each problem by row and field', async () => {
    await choose(page, 'Import into', 'Incidents');
    await (await fieldByLabel(page, 'Source name')).fill(SOURCE);
    await chooseCsv(page, BAD_CSV);
    // The id column has a name no field matches: map it.
    await (await fieldByLabel(page, 'External id')).waitFor();
    await choose(page, 'External id', 'record_id');
    await page.getByTestId('import-preview').click();

    const table = problems();
    await table.waitFor({ timeout: LOAD_TIMEOUT });
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.some((row) => row.startsWith('2Country'))).toBe(true);
    expect(
      rows.some((row) => row.startsWith('3Quantity') && row.includes('“many” is not a number')),
    ).toBe(true);
    expect(rows.every((row) => /^[23]/.test(row))).toBe(true);
    expect(await count('rows')).toBe('3');
    expect(await count('problemCount')).toBe(String(rows.length));
    // A preview with problems cannot be committed; nothing was written.
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    saveShot('admin-import', await capture(page, { height: 1160 }));
  });

  it('reads the report in Spanish', async () => {
    const switchTo = (language: string) =>
      page.getByTestId('language-switch').getByText(language, { exact: true }).click();
    await switchTo('Español');
    const table = page.getByRole('table', { name: 'Problemas por fila' });
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toBe('FilaCampoProblema');
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.some((row) => row.startsWith('2País'))).toBe(true);
    expect(
      rows.some((row) => row.startsWith('3Cantidad') && row.includes('«many» no es un número')),
    ).toBe(true);
    await switchTo('English');
    await problems().waitFor();
  });

  it('commits the corrected file: progress to 100 %, the counts and the batch', async () => {
    await chooseCsv(page, FIXED_CSV);
    // A new file needs a new preview before it can be committed.
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByTestId('import-preview').click();
    await page
      .getByText('Every row is valid.', { exact: false })
      .waitFor({ timeout: LOAD_TIMEOUT });
    expect(await problems().count()).toBe(0);
    expect(await count('created')).toBe('3');
    const commit = page.getByRole('button', { name: 'Import 3 rows' });
    expect(await commit.isEnabled()).toBe(true);

    await commit.click();
    await page.getByTestId('import-batch').waitFor({ timeout: LOAD_TIMEOUT });
    expect(await progress().getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('import-progress-text').textContent()).toBe('Done');
    expect(await page.getByRole('status').textContent()).toContain('Imported');
    expect(await count('created')).toBe('3');
    expect(await count('problemCount')).toBe('0');
    expect(await page.getByTestId('import-batch').textContent()).toMatch(/^Batch [0-9a-f-]{36}$/);
  });

  it('shows the imported rows in the incident list', async () => {
    await page.getByRole('link', { name: 'Open the list' }).click();
    await page.waitForURL('**/incidents');
    const table = page.getByRole('table', { name: 'Incidents' });
    await table.waitFor();
    await table.getByRole('cell', { name: 'E2E import test' }).first().waitFor();
    expect(await table.getByRole('cell', { name: 'E2E import test' }).count()).toBe(3);
    expect(await table.getByRole('cell', { name: '2026-11-21' }).count()).toBe(1);
  });

  it('remembers the mapping of the source for the next import', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Import' })
      .click();
    await choose(page, 'Import into', 'Incidents');
    await (await fieldByLabel(page, 'Source name')).fill(SOURCE);
    await chooseCsv(page, FIXED_CSV);
    await page.getByTestId('mapping-remembered').waitFor({ timeout: LOAD_TIMEOUT });
    expect(await (await fieldByLabel(page, 'External id')).inputValue()).toBe('record_id');
    // The same file again changes nothing (idempotent by external id). Enter in a field of the
    // form previews, as the keyboard user expects.
    await (await fieldByLabel(page, 'Source name')).press('Enter');
    await page
      .getByText('Every row is valid.', { exact: false })
      .waitFor({ timeout: LOAD_TIMEOUT });
    expect(await count('unchanged')).toBe('3');
    expect(await count('created')).toBe('0');
  });

  it('fetched nothing from other hosts and logged no errors', () => {
    expect(foreignRequests(probe.requests, server.url)).toEqual([]);
    expect(probe.problems.filter((problem) => !isSignedOutSessionCheck(problem))).toEqual([]);
  });
});
