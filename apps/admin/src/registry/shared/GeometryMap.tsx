import { SegmentedControl } from '@mantine/core';
import { Layer, Source } from '@vis.gl/react-maplibre';
import type { Geometry } from 'geojson';
import { useTranslation } from 'react-i18next';
import { DrawControl } from '../../map/draw/DrawControl';
import type { DrawnGeometry } from '../../map/draw/terra-draw';
import { MapClickPicker } from '../../map/MapClickPicker';
import { roundPosition } from '../sites/site-form';
import { EditorMap } from './EditorMap';

export type GeometryKind = 'point' | 'polygon' | 'linestring';

interface GeometryMapProps {
  kinds: readonly GeometryKind[];
  kind: GeometryKind;
  onKindChange: (kind: GeometryKind) => void;
  value: Geometry | null;
  onChange: (geometry: Geometry | null) => void;
  editable: boolean;
  label: string;
  /** The record shown (framed once): its id, or 'new'. */
  subject: string;
  /** The record's saved geometry, which the map frames (null: Central America). */
  saved: Geometry | null;
}

export function kindOf(
  geometry: Geometry | null | undefined,
  fallback: GeometryKind,
): GeometryKind {
  if (!geometry) return fallback;
  if (geometry.type === 'Point') return 'point';
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') return 'linestring';
  return 'polygon';
}

/** A record's geometry on the map: click to place a point, or draw and reshape with Terra Draw. */
export function GeometryMap({
  kinds,
  kind,
  onKindChange,
  value,
  onChange,
  editable,
  label,
  subject,
  saved,
}: GeometryMapProps) {
  const { t } = useTranslation('registry');
  const drawn = value && value.type !== 'Point' ? (value as DrawnGeometry) : null;
  return (
    <>
      {editable && kinds.length > 1 && (
        <SegmentedControl
          mb="xs"
          aria-label={t('sites.geometry')}
          value={kind}
          onChange={(next) => {
            onKindChange(next);
          }}
          data={kinds.map((option) => ({ value: option, label: t(`geometry.${option}`) }))}
        />
      )}
      <div className="atlas-editor-map">
        <EditorMap label={label} subject={subject} fitTo={saved ? [saved] : []}>
          {value?.type === 'Point' && (
            <Source
              id="record-point"
              type="geojson"
              data={{ type: 'Feature', geometry: value, properties: {} }}
            >
              <Layer
                id="record-point"
                type="circle"
                paint={{
                  'circle-color': '#d97706',
                  'circle-radius': 8,
                  'circle-stroke-color': '#ffffff',
                  'circle-stroke-width': 2,
                }}
              />
            </Source>
          )}
          {!editable && drawn && (
            <Source
              id="record-shape"
              type="geojson"
              data={{ type: 'Feature', geometry: drawn, properties: {} }}
            >
              <Layer
                id="record-shape-line"
                type="line"
                paint={{ 'line-color': '#b91c1c', 'line-width': 3 }}
              />
            </Source>
          )}
          {editable && kind === 'point' && (
            <MapClickPicker
              onPick={(lng, lat) => {
                onChange({ type: 'Point', coordinates: roundPosition(lng, lat) });
              }}
            />
          )}
          {editable && kind !== 'point' && (
            <DrawControl kind={kind} value={drawn} onChange={onChange} />
          )}
        </EditorMap>
      </div>
    </>
  );
}
