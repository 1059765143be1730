import { Layer, Source } from '@vis.gl/react-maplibre';
import type { FeatureCollection, Geometry } from 'geojson';
import { SLOT_IDS } from '../../map/basemap-style';

export const PROGRAM_SITES_LAYER = 'program-sites-point';
const SELECTED_COLOR = '#d97706';
const SITE_COLOR = '#1d4ed8';

/** The program's sites (the selected one highlighted) and the site being edited. */
export function SiteLayers({
  sites,
  selectedId,
  draft,
}: {
  sites: FeatureCollection<Geometry, { id: string }> | undefined;
  selectedId: string | null;
  draft: Geometry | null;
}) {
  const colour = [
    'case',
    ['==', ['get', 'id'], selectedId ?? ''],
    SELECTED_COLOR,
    SITE_COLOR,
  ] as never;
  return (
    <>
      {sites && (
        <Source id="program-sites" type="geojson" data={sites}>
          <Layer
            id="program-sites-area"
            type="fill"
            filter={['!=', ['geometry-type'], 'Point']}
            paint={{ 'fill-color': colour, 'fill-opacity': 0.25 }}
            beforeId={SLOT_IDS.data}
          />
          <Layer
            id={PROGRAM_SITES_LAYER}
            type="circle"
            filter={['==', ['geometry-type'], 'Point']}
            paint={{
              'circle-color': colour,
              'circle-radius': 7,
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 2,
            }}
          />
        </Source>
      )}
      {draft && (
        <Source
          id="site-draft"
          type="geojson"
          data={{ type: 'Feature', geometry: draft, properties: {} }}
        >
          <Layer
            id="site-draft-point"
            type="circle"
            filter={['==', ['geometry-type'], 'Point']}
            paint={{
              'circle-color': SELECTED_COLOR,
              'circle-radius': 9,
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 3,
            }}
          />
        </Source>
      )}
    </>
  );
}
