import { defineAtlasConfig } from '@atlas/vitest-config';

export default defineAtlasConfig({
  test: {
    // Builds the seeded database template once per run (see @atlas/db/testing).
    globalSetup: ['@atlas/db/testing/global-setup'],
    // The API's buildApp loads its plugins and routes with @fastify/autoload's import();
    // inlining autoload lets Vitest transform those TypeScript files (Node 20 cannot).
    server: { deps: { inline: ['@fastify/autoload'] } },
    // The browser test loads a WebGL map in software-rendered Chromium: give it time.
    testTimeout: 120_000,
  },
});
