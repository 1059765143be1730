import { defineAtlasConfig } from '@atlas/vitest-config';

export default defineAtlasConfig({
  test: { globalSetup: ['./src/testing/global-setup.ts'] },
});
