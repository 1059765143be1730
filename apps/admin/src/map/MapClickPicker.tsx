import { useEffect } from 'react';
import { useAtlasMap, useMapEvent } from './map-context';

/** While mounted inside an `<AtlasMap>`, a click on the map reports its longitude and latitude. */
export function MapClickPicker({ onPick }: { onPick: (lng: number, lat: number) => void }) {
  const { map } = useAtlasMap();
  useMapEvent('click', (event) => {
    onPick(event.lngLat.lng, event.lngLat.lat);
  });
  useEffect(() => {
    if (!map) return undefined;
    const canvas = map.getCanvas();
    canvas.style.cursor = 'crosshair';
    return () => {
      canvas.style.cursor = '';
    };
  }, [map]);
  return null;
}
