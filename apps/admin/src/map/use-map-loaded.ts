import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';

/**
 * True once the map has gone idle with every listed source present and loaded: the moment
 * the map on screen shows all its data (tests and screenshots wait for it).
 */
export function useMapLoaded(map: MaplibreMap | null, sourceIds: readonly string[]): boolean {
  const [loaded, setLoaded] = useState(false);
  const sourcesKey = sourceIds.join('\n');

  useEffect(() => {
    if (!map) return undefined;
    const ids = sourcesKey.split('\n').filter((id) => id !== '');
    const onIdle = () => {
      // getSource first: isSourceLoaded reports an error event for a source that does not exist.
      setLoaded(ids.every((id) => map.getSource(id) !== undefined && map.isSourceLoaded(id)));
    };
    map.on('idle', onIdle);
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, sourcesKey]);

  return loaded;
}
