import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect } from 'react';

declare global {
  interface Window {
    /** The map instance, set only when the page is opened with `?test` (browser tests). */
    __atlasMap?: MaplibreMap;
  }
}

function isTestPage(): boolean {
  return new URLSearchParams(window.location.search).has('test');
}

/** Let browser tests query the map (queryRenderedFeatures); a no-op on normal pages. */
export function useExposeMapForTests(map: MaplibreMap | null): void {
  useEffect(() => {
    if (!map || !isTestPage()) return undefined;
    window.__atlasMap = map;
    return () => {
      delete window.__atlasMap;
    };
  }, [map]);
}
