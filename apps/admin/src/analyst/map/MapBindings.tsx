// Keeps the map and the view state in step: the URL's position is applied once the map exists,
// every finished move is written back, the borders toggle shows or hides the basemap's lines,
// and a click on a feature selects it for the summary card.
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { useEffect } from 'react';
import { LAYER_IDS } from '../../map/basemap-style';
import { useAtlasMap, useMapEvent } from '../../map/map-context';
import type { MapPosition } from '../view/view-state';
import { ANALYST_LAYER_IDS, CLICKABLE_LAYERS } from './layer-styles';

export interface PickedFeature {
  layerId: string;
  properties: Record<string, unknown>;
  lngLat: [number, number];
}

interface MapBindingsProps {
  position: MapPosition | null;
  onMove: (position: MapPosition) => void;
  bordersVisible: boolean;
  /** While set, a click goes to this handler (an analysis picking a point) instead of picking. */
  onMapClick?: ((lngLat: [number, number]) => void) | undefined;
  onPick: (feature: PickedFeature | null) => void;
}

const BORDER_LAYERS = [LAYER_IDS.countryBorder, LAYER_IDS.departmentLine];

export function MapBindings({
  position,
  onMove,
  bordersVisible,
  onMapClick,
  onPick,
}: MapBindingsProps) {
  const { map } = useAtlasMap();

  // Apply the shared link's position once; afterwards the map is the source of truth.
  useEffect(() => {
    if (!map || !position) return;
    map.jumpTo({ center: [position.lng, position.lat], zoom: position.zoom });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on the first map
  }, [map]);

  useEffect(() => {
    if (!map) return undefined;
    const onMoveEnd = () => {
      const center = map.getCenter();
      onMove({ lng: center.lng, lat: center.lat, zoom: map.getZoom() });
    };
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map, onMove]);

  useEffect(() => {
    if (!map) return;
    const apply = () => {
      for (const id of BORDER_LAYERS) {
        if (map.getLayer(id))
          map.setLayoutProperty(id, 'visibility', bordersVisible ? 'visible' : 'none');
      }
    };
    apply();
    // The boundary layers may be added after this runs.
    map.on('styledata', apply);
    return () => {
      map.off('styledata', apply);
    };
  }, [map, bordersVisible]);

  useMapEvent('click', (event) => {
    const lngLat: [number, number] = [event.lngLat.lng, event.lngLat.lat];
    if (onMapClick) {
      onMapClick(lngLat);
      return;
    }
    const map = event.target;
    // A cluster of sites opens up: zoom in towards it.
    if (map.getLayer(ANALYST_LAYER_IDS.siteCluster)) {
      const [cluster] = map.queryRenderedFeatures(event.point, {
        layers: [ANALYST_LAYER_IDS.siteCluster],
      });
      if (cluster) {
        map.easeTo({ center: event.lngLat, zoom: Math.min(map.getZoom() + 2, 14) });
        return;
      }
    }
    const layers = CLICKABLE_LAYERS.filter((id) => map.getLayer(id));
    const hits: MapGeoJSONFeature[] = layers.length
      ? map.queryRenderedFeatures(event.point, { layers })
      : [];
    const hit = hits[0];
    onPick(hit ? { layerId: hit.layer.id, properties: { ...hit.properties }, lngLat } : null);
  });

  return null;
}
