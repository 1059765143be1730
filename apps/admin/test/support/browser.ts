import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_PATH = process.env.ATLAS_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch the system Chromium headless and offline-minded. Throws (never skips) if it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; the browser tests need it.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // WebGL without a GPU: let Chromium use its software rasteriser (SwiftShader).
      '--enable-unsafe-swiftshader',
    ],
  });
}
