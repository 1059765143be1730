import { Layer, Source } from '@vis.gl/react-maplibre';
import type { SiteCollection } from '../api/sites';
import {
  SLOT_IDS,
  SOURCE_IDS,
  siteAreaLayer,
  siteOutlineLayer,
  sitePointLayer,
} from './basemap-style';

interface SitesLayerProps {
  sites: SiteCollection;
}

/** Program sites: points as circles, areas as translucent fills, coloured by program line. */
export function SitesLayer({ sites }: SitesLayerProps) {
  return (
    <Source id={SOURCE_IDS.sites} type="geojson" data={sites} promoteId="id">
      <Layer {...siteAreaLayer} beforeId={SLOT_IDS.data} />
      <Layer {...siteOutlineLayer} beforeId={SLOT_IDS.data} />
      <Layer {...sitePointLayer} />
    </Source>
  );
}
