// MapLibre 6 finds its worker next to its own module (import.meta.url), which a bundler moves:
// give it the worker file that Vite emits as a hashed asset before any map is created.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
