// Shared Vitest settings: every package writes a JSON report so .ci/run can count
// passed, failed and skipped tests across the whole workspace.
import { defineConfig, mergeConfig } from 'vitest/config';

/** @param {import('vitest/config').UserConfig} [config] */
export function defineAtlasConfig(config = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
        testTimeout: 30_000,
        hookTimeout: 120_000,
        // Two cores on CI machines; each database suite holds its own PGlite instance.
        maxWorkers: 2,
      },
    }),
    config,
  );
}
