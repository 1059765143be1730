import { useMap } from '@vis.gl/react-maplibre';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { ATLAS_MAP_ID } from '../../map/AtlasMap';

/** The map instance from outside `<AtlasMap>` (panels beside it), through the app's MapProvider. */
export function useAnalystMap(): MaplibreMap | undefined {
  return useMap()[ATLAS_MAP_ID]?.getMap();
}
