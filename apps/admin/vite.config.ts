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
    // MapLibre alone is ~1 MB minified; it and React change rarely, so they get their own
    // long-cached chunks and the app's own code stays small.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
