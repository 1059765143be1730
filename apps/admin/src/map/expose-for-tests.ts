import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect } from 'react';

declare global {
  interface Window {
    /** The map instance, set only when the page is opened with `?test` (browser tests). */
    __atlasMap?: MaplibreMap;
  }
}

const TEST_FLAG = 'atlas.test';

/**
 * Called once at start: a page opened with `?test` stays in test mode for the tab, as in-app
 * navigation drops the query string.
 */
export function rememberTestPage(): void {
  if (new URLSearchParams(window.location.search).has('test')) {
    sessionStorage.setItem(TEST_FLAG, '1');
  }
}

function isTestPage(): boolean {
  return (
    new URLSearchParams(window.location.search).has('test') ||
    sessionStorage.getItem(TEST_FLAG) === '1'
  );
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
