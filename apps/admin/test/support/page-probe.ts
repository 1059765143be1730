import type { Browser, Page } from 'playwright-core';

export interface ProbedPage {
  page: Page;
  /** Every URL the page requested (documents, scripts, assets, fetches, workers). */
  requests: string[];
  /** Console errors, uncaught page errors and failed requests. */
  problems: string[];
  close: () => Promise<void>;
}

/** A fresh 1280×800 page that records its requests and anything that went wrong. */
export async function openProbedPage(browser: Browser): Promise<ProbedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // "Failed to load resource" names the resource only in its location.
    const { url } = message.location();
    problems.push(`console: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '?';
    // A fetch the app cancelled itself (a query whose page was left) is not a fault.
    if (request.resourceType() === 'fetch' && reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  return { page, requests, problems, close: () => context.close() };
}

/**
 * Chromium logs every 4xx answer as a console error. A signed-out visitor's session check
 * (GET /api/v1/auth/me answers 401 by contract) is the one such answer a healthy page expects.
 */
export function isSignedOutSessionCheck(problem: string): boolean {
  return /^console: .*\b401\b.*\(https?:\/\/[^)]*\/api\/v1\/auth\/me\)$/.test(problem);
}

/** Requests that left the given origin over the network (data: and blob: URLs stay local). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => {
    const { protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return new URL(url).origin !== origin;
  });
}

/** The colours of a PNG with their share of its pixels, most frequent first (decoded in-page). */
export async function colourShares(
  page: Page,
  png: Buffer,
): Promise<{ rgb: [number, number, number]; share: number }[]> {
  return page.evaluate(async (base64: string) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 4;
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([key, count]) => ({
        rgb: [(key >> 16) & 255, (key >> 8) & 255, key & 255] as [number, number, number],
        share: count / total,
      }));
  }, png.toString('base64'));
}

/** `#rrggbb` as numbers. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Whether two colours match within a small tolerance (blending and rounding in WebGL). */
export function sameColour(a: readonly number[], b: readonly number[], tolerance = 3): boolean {
  return a.every((channel, i) => Math.abs(channel - (b[i] ?? -999)) <= tolerance);
}
