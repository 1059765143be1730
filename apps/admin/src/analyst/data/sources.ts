// Where each data layer's features come from. The API's vector tiles (`/tiles/{layer}/…`) are the
// normal source; until the server answers a layer's TileJSON, the layer falls back to the GeoJSON
// list of the REST API. Layer styles and client-side filters are the same for both.
import { useQuery } from '@tanstack/react-query';
import type { SourceSpecification } from 'maplibre-gl';
import type { Query } from './filters';
import { toSearch } from './filters';

export const DATA_LAYERS = ['sites', 'corridors', 'communities', 'incidents'] as const;
export type DataLayer = (typeof DATA_LAYERS)[number];

export type SourceKind = 'tiles' | 'geojson';

/** The most each GeoJSON list may return (the API's maximum page size per collection). */
const GEOJSON_LIMITS: Record<DataLayer, number> = {
  sites: 10_000,
  corridors: 1_000,
  communities: 2_000,
  incidents: 10_000,
};

export const SOURCE_PREFIX = 'analyst-';

export function sourceId(layer: DataLayer): string {
  return `${SOURCE_PREFIX}${layer}`;
}

function absolute(path: string): string {
  // Tile URLs are resolved inside MapLibre's worker, which has no page to be relative to. Not
  // through `new URL`, which would percent-encode the `{z}/{x}/{y}` placeholders.
  return `${window.location.origin}${path}`;
}

async function tilesAnswer(signal: AbortSignal): Promise<SourceKind> {
  try {
    const response = await fetch('/tiles/sites.json', {
      signal,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    return response.ok ? 'tiles' : 'geojson';
  } catch {
    return 'geojson';
  }
}

/** Whether the API serves vector tiles (asked once per page load). */
export function useSourceKind(): SourceKind | undefined {
  return useQuery({
    queryKey: ['analyst', 'source-kind'],
    queryFn: ({ signal }) => tilesAnswer(signal),
    staleTime: Infinity,
  }).data;
}

/** The MapLibre source of one layer. Tiles take the server-side filters as query parameters. */
export function sourceSpec(
  layer: DataLayer,
  kind: SourceKind,
  tileQuery: Query,
): SourceSpecification {
  if (kind === 'tiles') {
    return {
      type: 'vector',
      tiles: [absolute(`/tiles/${layer}/{z}/{x}/{y}.mvt${toSearch(tileQuery)}`)],
      minzoom: 0,
      maxzoom: 14,
      promoteId: 'id',
    };
  }
  return {
    type: 'geojson',
    data: absolute(`/api/v1/${layer}?limit=${GEOJSON_LIMITS[layer]}`),
    promoteId: 'id',
  };
}

/** The source-layer a vector-tile layer reads (the tileset's layer is named like the layer). */
export function sourceLayerOf(layer: DataLayer, kind: SourceKind): { 'source-layer'?: string } {
  return kind === 'tiles' ? { 'source-layer': layer } : {};
}
