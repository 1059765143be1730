import type { Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import { createContext, use, useEffect, useRef } from 'react';

export interface AtlasMapState {
  /** The MapLibre instance once it loaded its style (null before). */
  map: MaplibreMap | null;
  /** True once the map went idle with every ready source drawn. */
  loaded: boolean;
}

export const AtlasMapContext = createContext<AtlasMapState>({ map: null, loaded: false });

/** The map of the nearest `<AtlasMap>` (its children, or anything under its `context` prop). */
export function useAtlasMap(): AtlasMapState {
  return use(AtlasMapContext);
}

/**
 * Listen to a map event while mounted (optionally only on one layer). The handler may change
 * between renders without re-subscribing.
 */
export function useMapEvent(
  type: 'click' | 'mousemove',
  handler: ((event: MapMouseEvent) => void) | undefined,
  layerId?: string,
): void {
  const { map } = useAtlasMap();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const enabled = handler !== undefined;
  useEffect(() => {
    if (!map || !enabled) return undefined;
    const listener = (event: MapMouseEvent) => latest.current?.(event);
    if (layerId) map.on(type, layerId, listener);
    else map.on(type, listener);
    return () => {
      if (layerId) map.off(type, layerId, listener);
      else map.off(type, listener);
    };
  }, [map, type, layerId, enabled]);
}
