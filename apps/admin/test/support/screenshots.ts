// README screenshots beyond one plain page: a taller page, and several shots stacked into one
// image (the program editor's funding grid above its site map). Only with ATLAS_SCREENSHOT=1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const imagesDir = fileURLToPath(new URL('../../../../docs/images/', import.meta.url));
export const screenshotsWanted = () => process.env.ATLAS_SCREENSHOT === '1';

/** The page as a PNG (or undefined when screenshots are off), `height` tall for the shot. */
export async function capture(
  page: Page,
  options: { width?: number; height?: number; clipHeight?: number } = {},
): Promise<Buffer | undefined> {
  if (!screenshotsWanted()) return undefined;
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const resize = options.width !== undefined || options.height !== undefined;
  const width = options.width ?? viewport.width;
  if (resize) {
    await page.setViewportSize({ width, height: options.height ?? viewport.height });
    // Let the layout (viewport units, the app shell's navbar) settle at the new size.
    await page.waitForTimeout(300);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          requestAnimationFrame(() => {
            requestAnimationFrame(() => {
              resolve();
            });
          });
        }),
    );
  }
  try {
    const clip = options.clipHeight ? { x: 0, y: 0, width, height: options.clipHeight } : undefined;
    return await page.screenshot({ clip });
  } finally {
    if (resize) await page.setViewportSize(viewport);
  }
}

/** Write docs/images/<name>.png: the given shots stacked top to bottom. */
export async function saveStacked(
  page: Page,
  name: string,
  shots: (Buffer | undefined)[],
): Promise<void> {
  if (!screenshotsWanted()) return;
  const parts = shots.filter((shot): shot is Buffer => shot !== undefined);
  const base64 = await page.evaluate(
    async (pngs: string[]) => {
      const bitmaps = await Promise.all(
        pngs.map((png) =>
          createImageBitmap(
            new Blob([Uint8Array.from(atob(png), (char) => char.charCodeAt(0))], {
              type: 'image/png',
            }),
          ),
        ),
      );
      const width = Math.max(...bitmaps.map((bitmap) => bitmap.width));
      const gap = 8;
      const height =
        bitmaps.reduce((sum, bitmap) => sum + bitmap.height, 0) + gap * (bitmaps.length - 1);
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D context');
      context.fillStyle = '#dee2e6';
      context.fillRect(0, 0, width, height);
      let y = 0;
      for (const bitmap of bitmaps) {
        context.drawImage(bitmap, 0, y);
        y += bitmap.height + gap;
      }
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    parts.map((part) => part.toString('base64')),
  );
  mkdirSync(imagesDir, { recursive: true });
  writeFileSync(`${imagesDir}${name}.png`, Buffer.from(base64, 'base64'));
}

/** Write docs/images/<name>.png from one shot taken with `capture`. */
export function saveShot(name: string, shot: Buffer | undefined): void {
  if (!shot) return;
  mkdirSync(imagesDir, { recursive: true });
  writeFileSync(`${imagesDir}${name}.png`, shot);
}
