import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API in development (`pnpm --filter @atlas/api dev`); the app calls it on the same origin. */
const apiTarget = process.env.ATLAS_API_URL ?? 'http://127.0.0.1:3000';

const NODE_MODULES = /node_modules[\\/]/;
/** ECharts and what only it uses: loaded with the dashboard alone. */
const ECHARTS = /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/;

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
    // long-cached chunks and the app's own code stays small. ECharts (with zrender) is only
    // imported by the dashboard, which routes.tsx loads lazily: its own group keeps it out of
    // `vendor`, so the map and the registry never download it.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Before `echarts`, so the helpers both use (tslib) stay here: otherwise ECharts'
            // chunk would take them along and every page would import it.
            { name: 'vendor', test: (id) => NODE_MODULES.test(id) && !ECHARTS.test(id) },
            { name: 'echarts', test: ECHARTS },
          ],
        },
      },
    },
  },
});
