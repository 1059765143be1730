import { Map, NavigationControl } from '@vis.gl/react-maplibre';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useMemo, useState, type ReactNode } from 'react';
import { basemapStyle } from './basemap-style';
import { useExposeMapForTests } from './expose-for-tests';
import { AtlasMapContext } from './map-context';
import { maplibregl } from './maplibre';
import { PAN_BOUNDS, REGION_BOUNDS } from './region';
import { sourcesLoaded } from './sources-loaded';

/** The id under which `useMap()` (inside a `MapProvider`) returns this map. */
export const ATLAS_MAP_ID = 'atlas';

interface AtlasMapProps {
  /** Sources that must be loaded before the map counts as loaded (`data-map-loaded`). */
  readySources?: readonly string[];
  /** The map's accessible name (the canvas is a labelled region). */
  label?: string;
  /** Where the map starts (default: the whole region). */
  initialBounds?: [[number, number], [number, number]];
  /** Layer components (`BoundaryLayers`, `SitesLayer`…), controls and map-aware widgets. */
  children?: ReactNode;
  className?: string;
}

const NO_SOURCES: readonly string[] = [];

/**
 * The one owner of the MapLibre map. Children reach the instance through `useAtlasMap()` (and
 * `useMap()` under the app's `MapProvider`); nothing else creates or holds a map.
 */
export function AtlasMap({
  readySources = NO_SOURCES,
  label,
  initialBounds,
  children,
  className,
}: AtlasMapProps) {
  const [map, setMap] = useState<MaplibreMap | null>(null);
  // Loaded = the map went idle with every ready source drawn. The listener is a Map prop so it
  // is attached before the first render: 'load' and the first 'idle' can fire in the same frame.
  const [loaded, setLoaded] = useState(false);
  useExposeMapForTests(map);
  const state = useMemo(() => ({ map, loaded }), [map, loaded]);

  return (
    <div
      className={className ?? 'atlas-map'}
      data-testid="atlas-map"
      data-map-loaded={loaded}
      role="region"
      aria-label={label}
    >
      <AtlasMapContext value={state}>
        <Map
          id={ATLAS_MAP_ID}
          mapLib={maplibregl}
          mapStyle={basemapStyle}
          initialViewState={{
            bounds: initialBounds ?? REGION_BOUNDS,
            fitBoundsOptions: { padding: 24, maxZoom: 9 },
          }}
          maxBounds={PAN_BOUNDS}
          renderWorldCopies={false}
          dragRotate={false}
          attributionControl={{ compact: true, customAttribution: 'Boundaries: Natural Earth' }}
          onLoad={(event) => {
            setMap(event.target);
          }}
          onIdle={(event) => {
            setLoaded(sourcesLoaded(event.target, readySources));
          }}
        >
          <NavigationControl position="top-right" showCompass={false} />
          {children}
        </Map>
      </AtlasMapContext>
    </div>
  );
}
