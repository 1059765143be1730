import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API in development (`pnpm --filter @atlas/api dev`); the app calls it on the same origin. */
const apiTarget = process.env.ATLAS_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // Boundary files from @atlas/geodata are imported with `?url`: they become hashed static
  // assets in dist/, served by whoever serves the app (the API in production).
  assetsInclude: ['**/*.geojson'],
  server: {
    proxy: Object.fromEntries(
      ['/api', '/health', '/tiles', '/ogc'].map((prefix) => [prefix, apiTarget]),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URLs; the boundary files are large and cacheable.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
