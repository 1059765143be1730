import type { Map as MaplibreMap } from 'maplibre-gl';

/** Whether every listed source exists on the map and has loaded its data. */
export function sourcesLoaded(map: MaplibreMap, sourceIds: readonly string[]): boolean {
  // getSource first: isSourceLoaded reports an error event for a source that does not exist.
  return sourceIds.every((id) => map.getSource(id) !== undefined && map.isSourceLoaded(id));
}
