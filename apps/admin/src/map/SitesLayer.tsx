import { Layer, Source } from '@vis.gl/react-maplibre';
import { useMemo } from 'react';
import type { SiteCollection } from '../api/sites';
import {
  SLOT_IDS,
  SOURCE_IDS,
  siteAreaLayer,
  siteOutlineLayer,
  sitePointLayer,
} from './basemap-style';
import { withAreaMarkers } from './site-markers';

interface SitesLayerProps {
  sites: SiteCollection;
}

/** Program sites: points (and markers of areas) as circles, areas as translucent fills. */
export function SitesLayer({ sites }: SitesLayerProps) {
  const data = useMemo(() => withAreaMarkers(sites), [sites]);
  return (
    <Source id={SOURCE_IDS.sites} type="geojson" data={data} promoteId="id">
      <Layer {...siteAreaLayer} beforeId={SLOT_IDS.data} />
      <Layer {...siteOutlineLayer} beforeId={SLOT_IDS.data} />
      <Layer {...sitePointLayer} />
    </Source>
  );
}
