import { Layer, Source } from '@vis.gl/react-maplibre';
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import type { Position } from 'geojson';
import { SLOT_IDS } from '../../map/basemap-style';
import { hexBins } from '../data/hexbins';
import { useFeatures } from '../data/features';
import { tileQuery } from '../data/filters';
import {
  sourceId,
  sourceLayerOf,
  sourceSpec,
  type DataLayer,
  type SourceKind,
} from '../data/sources';
import type { ViewState } from '../view/view-state';
import {
  communityLayer,
  corridorLayer,
  dateFilter,
  hexLayer,
  incidentHeatLayer,
  isCluster,
  siteLayers,
} from './layer-styles';

/** Hexagon radius in degrees (about 55 km): a few cells per department. */
const HEX_RADIUS = 0.5;

interface DataLayersProps {
  view: ViewState;
  kind: SourceKind;
  /** Programs the filters and the time step keep; null when nothing narrows them. */
  programIds: readonly string[] | null;
  /** Whether the reader may see corridors, communities and incidents (signed in). */
  signedIn: boolean;
  dateRange: { from: string | null; to: string | null };
  threat: string | null;
}

function all(...parts: (ExpressionSpecification | undefined)[]): FilterSpecification | undefined {
  const present = parts.filter((part): part is ExpressionSpecification => part !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : ['all', ...present];
}

function inList(
  property: string,
  values: readonly (string | number)[],
): ExpressionSpecification | undefined {
  if (values.length === 0) return undefined;
  return ['in', ['get', property], ['literal', [...values]]];
}

/** The analyst's data layers, each mounted only while its toggle is on. */
export function DataLayers({
  view,
  kind,
  programIds,
  signedIn,
  dateRange,
  threat,
}: DataLayersProps) {
  const on = (key: ViewState['layers'][number]) => view.layers.includes(key);
  const countries = view.filters.country;
  // Tiles take their filters in the URL. A changed URL updates the mounted source in place
  // (`setTiles`), which reloads its tiles; replacing the source would abort their requests.
  const query = (layer: DataLayer) =>
    kind === 'tiles' ? tileQuery(layer, view.filters, view.time) : {};
  const key = (layer: DataLayer) => `${layer}:${kind}`;
  const source = (layer: DataLayer) => ({
    id: sourceId(layer),
    ...sourceSpec(layer, kind, query(layer)),
  });

  const sites = siteLayers();
  // Clusters carry no program or country: they follow the server-side filters only.
  const siteNarrowing = all(
    programIds ? (inList('programId', programIds) ?? ['boolean', false]) : undefined,
    inList('country', countries),
  );
  const siteFilter = siteNarrowing
    ? (['any', isCluster, siteNarrowing] as FilterSpecification)
    : undefined;
  const incidentFilter = all(
    dateFilter(dateRange.from, dateRange.to),
    inList('country', countries),
  );

  const incidents = useFeatures('incidents', signedIn && on('hexbins'));
  const hexes = useMemo(() => {
    if (!incidents.data) return undefined;
    const { from, to } = dateRange;
    const points: Position[] = [];
    for (const feature of incidents.data.features) {
      const props = feature.properties;
      if (countries.length > 0 && !countries.includes(props.country as never)) continue;
      const raw = props.occurredOn ?? props.date;
      const date = typeof raw === 'string' ? raw : '';
      if (from && to && (date < from || date > to)) continue;
      if (feature.geometry.type === 'Point') points.push(feature.geometry.coordinates);
    }
    return hexBins(points, HEX_RADIUS);
  }, [incidents.data, countries, dateRange]);
  const maxHex = Math.max(1, ...(hexes?.features.map((f) => f.properties.count) ?? []));

  return (
    <>
      {signedIn && on('communities') && (
        <Source key={key('communities')} {...source('communities')}>
          <Layer
            {...communityLayer(view.communityMeasure)}
            {...sourceLayerOf('communities', kind)}
            {...(inList('country', countries) ? { filter: inList('country', countries) } : {})}
          />
        </Source>
      )}
      {signedIn && on('heatmap') && (
        <Source key={key('incidents')} {...source('incidents')}>
          <Layer
            {...incidentHeatLayer()}
            {...sourceLayerOf('incidents', kind)}
            {...(incidentFilter ? { filter: incidentFilter } : {})}
            beforeId={SLOT_IDS.data}
          />
        </Source>
      )}
      {signedIn && on('hexbins') && hexes && (
        <Source id="analyst-hexbins" type="geojson" data={hexes} promoteId="id">
          <Layer {...hexLayer(maxHex)} beforeId={SLOT_IDS.data} />
        </Source>
      )}
      {signedIn && on('corridors') && (
        <Source key={key('corridors')} {...source('corridors')}>
          <Layer {...corridorLayer(threat)} {...sourceLayerOf('corridors', kind)} />
        </Source>
      )}
      {on('sites') && (
        <Source key={key('sites')} {...source('sites')}>
          <Layer
            {...sites.area}
            {...sourceLayerOf('sites', kind)}
            {...withFilter(sites.area.filter, siteFilter)}
          />
          <Layer {...sites.cluster} {...sourceLayerOf('sites', kind)} />
          <Layer
            {...sites.point}
            {...sourceLayerOf('sites', kind)}
            {...withFilter(sites.point.filter, siteFilter)}
          />
        </Source>
      )}
    </>
  );
}

function withFilter(
  base: FilterSpecification | undefined,
  extra: FilterSpecification | undefined,
): { filter?: FilterSpecification } {
  if (!extra) return base ? { filter: base } : {};
  if (!base) return { filter: extra };
  return { filter: ['all', base, extra] as FilterSpecification };
}
