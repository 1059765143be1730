import { defineAtlasConfig } from '@atlas/vitest-config';

export default defineAtlasConfig({
  test: {
    globalSetup: ['@atlas/db/testing/global-setup'],
    // Autoload imports src/plugins and src/routes with import(); inlining it lets Vitest
    // transform those TypeScript files (Node 20 cannot import .ts natively).
    server: { deps: { inline: ['@fastify/autoload'] } },
  },
});
