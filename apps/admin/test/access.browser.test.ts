// Who sees and may press what, in real Chromium against the real API: sign in and out, an
// analyst who can read but not edit (and whom the API refuses), an administrator managing
// users and API keys, and the interface in Spanish (remembered per user).
import { testEngines } from '@atlas/db/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, TEST_PASSWORD } from './support/accounts';
import { startAtlasServer, type RunningServer } from './support/atlas-server';
import { launchChromium } from './support/browser';
import { openProbedPage, type ProbedPage } from './support/page-probe';
import { choose, fieldByLabel, LOAD_TIMEOUT, screenshot, signIn } from './support/ui';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));

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

/** Sign out through the user menu: it lands on a clean sign-in page (never `?next=`). */
async function signOut(page: Page): Promise<void> {
  const visited: string[] = [];
  const record = (frame: Frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  };
  page.on('framenavigated', record);
  await page.getByTestId('user-menu').click();
  const item = page.getByRole('menuitem', { name: /Sign out|Cerrar sesión/ });
  await item.waitFor();
  await item.click();
  // Any sign-in URL first (a busy CI machine can be slow), so a wrong one fails with its URL below.
  await page.waitForURL(/\/sign-in/, { timeout: 60_000 });
  await page
    .getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ })
    .waitFor({ timeout: 60_000 });
  page.off('framenavigated', record);
  expect(page.url()).toMatch(/\/sign-in$/);
  expect(visited.filter((url) => url.includes('next='))).toEqual([]);
}

describe.each(testEngines())('roles, admin pages and languages (%s)', (engine) => {
  let server: RunningServer;
  let probe: ProbedPage;
  let page: Page;
  let programId = '';
  let programVersion = 0;

  beforeAll(async () => {
    if (!browser) throw new Error('Chromium did not start');
    server = await startAtlasServer(distDir, { engine, demoPassword: TEST_PASSWORD });
    probe = await openProbedPage(browser);
    page = probe.page;
    const programs = await fetch(`${server.url}/api/v1/programs?limit=1`);
    programId = ((await programs.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    expect(programId).not.toBe('');
    // Two edits by the administrator give the program a history with an older, restorable version.
    const admin = await apiSession(server.url, 'admin');
    for (const title of ['Retitled once by the administrator', 'Retitled twice']) {
      const current = (await (await admin.call(`/api/v1/programs/${programId}`)).json()) as {
        version: number;
      };
      const edited = await admin.call(`/api/v1/programs/${programId}`, {
        method: 'PATCH',
        headers: { 'if-match': `"${current.version}"` },
        body: JSON.stringify({ title }),
      });
      expect(edited.status).toBe(200);
      programVersion = ((await edited.json()) as { version: number }).version;
    }
  }, 300_000); // a loaded machine may take minutes to start the database and the app

  afterAll(async () => {
    // Either may be missing when beforeAll failed.
    await (probe as ProbedPage | undefined)?.close();
    await (server as RunningServer | undefined)?.close();
  });

  it('refuses a wrong password with a readable message', async () => {
    await page.goto(`${server.url}/sign-in?test`);
    await (await fieldByLabel(page, 'E-mail')).fill('analyst@example.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Wrong e-mail or password, or the account is disabled.');
    await screenshot(page, 'admin-sign-in');
  });

  it('sends visitors of a signed-in page to sign in, and back afterwards', async () => {
    await page.goto(`${server.url}/corridors?mode=maritime`);
    await page.waitForURL(/\/sign-in\?next=/);
    await (await fieldByLabel(page, 'E-mail')).fill('analyst@example.org');
    await page.getByRole('textbox', { name: 'Password' }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/corridors?mode=maritime', { timeout: LOAD_TIMEOUT });
    await page.getByRole('table', { name: 'Corridors' }).waitFor();
    await signOut(page);
  });

  it('shows an analyst the registry without edit controls', async () => {
    await signIn(page, server.url, 'analyst');
    await page.waitForURL('**/map');
    expect(await page.getByTestId('role-badge').textContent()).toBe('Analyst');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Import' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    // Nor does the import page open for an analyst who types its address.
    await page.goto(`${server.url}/import`);
    await page.getByText('Only coordinators and administrators import data.').waitFor();
    expect(await page.getByTestId('import-preview').count()).toBe(0);

    await nav.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('table', { name: 'Programs' }).waitFor();
    expect(await page.getByRole('link', { name: 'New program' }).count()).toBe(0);

    await page.goto(`${server.url}/programs/${programId}`);
    await page.getByTestId('record-title').waitFor({ timeout: LOAD_TIMEOUT });
    await page.getByText('Read only').waitFor();
    expect(await page.getByTestId('save-program').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await (await fieldByLabel(page, 'Title (English)')).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('history');
    await history.waitFor();
    // An older version is listed (an editor could restore it), but not for an analyst.
    await history.getByTestId(`history-version-${programVersion - 1}`).waitFor();
    expect(await history.getByText('Retitled once by the administrator').count()).toBeGreaterThan(
      0,
    );
    expect(await page.getByRole('button', { name: /Restore version/ }).count()).toBe(0);
  });

  it('and the API refuses the analyst a change all the same', async () => {
    const analyst = await apiSession(server.url, 'analyst');
    const response = await analyst.call(`/api/v1/programs/${programId}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${programVersion}"` },
      body: JSON.stringify({ title: 'Not allowed' }),
    });
    expect(response.status).toBe(403);
    await signOut(page);
  });

  it('lets an administrator add a user with a country scope', async () => {
    await signIn(page, server.url, 'admin');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await (await fieldByLabel(page, 'E-mail')).fill('new.coordinator@example.org');
    await (await fieldByLabel(page, 'Name')).fill('New Coordinator');
    await choose(page, 'Country scope', 'Honduras');
    // Too short a password is refused by the shared schema, on the field.
    await (await fieldByLabel(page, 'Password')).fill('short');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/fewer than 12/).waitFor();
    await (await fieldByLabel(page, 'Password')).fill('a-long-enough-password');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /New Coordinator/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('HN');
    await screenshot(page, 'admin-users');
  });

  it('creates an API key shown once, which works until revoked', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await (await fieldByLabel(page, 'Key name')).fill('e2e reader');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    const key = (await shown.textContent()) ?? '';
    expect(key).toMatch(/^atlas_[A-Za-z0-9]{8}_[A-Za-z0-9]{32,}$/);
    const asKey = () =>
      fetch(`${server.url}/api/v1/corridors?limit=1`, {
        headers: { authorization: `Bearer ${key}` },
      });
    expect((await asKey()).status).toBe(200);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByText(key).count()).toBe(0);

    await page.getByRole('button', { name: 'Revoke e2e reader' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('row', { name: /e2e reader/ })
      .getByText('Revoked')
      .waitFor();
    expect((await asKey()).status).toBe(401);
  });

  it('switches to Spanish, keeps it for this user, and validates in Spanish', async () => {
    // Click the visible segment, as a person would (the radio itself is visually hidden).
    const switchTo = (language: string) =>
      page.getByTestId('language-switch').getByText(language, { exact: true }).click();
    await switchTo('Español');
    expect(await page.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Navegación principal' });
    await nav.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');

    await page.reload();
    await nav.getByRole('link', { name: 'Programas' }).click();
    await page.getByRole('link', { name: 'Nuevo programa' }).click();
    await page.getByTestId('save-program').click();
    await page.getByText('Algunos campos requieren atención.').waitFor();
    expect(await page.getByText('Obligatorio').count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-spanish');

    // Another user on this browser keeps their own language.
    await signOut(page);
    await switchTo('English');
    await signIn(page, server.url, 'coordinator');
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await signOut(page);
    await (await fieldByLabel(page, 'E-mail')).fill('admin@example.org');
    await page.getByRole('textbox', { name: 'Password' }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .waitFor({ timeout: LOAD_TIMEOUT });
  });
});
