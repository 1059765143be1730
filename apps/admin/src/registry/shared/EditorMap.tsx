// The registry's editor map (a record's geometry, a program's sites). It opens on Central America
// — where the records are — rather than the whole region, frames what is already saved, and names
// the countries and departments as the analysts' map does, so a person can tell where to click.
import type { Geometry } from 'geojson';
import { useEffect, useRef, type ReactNode } from 'react';
import { extentOf } from '../../analyst/data/extent';
import { LabelLayers } from '../../analyst/map/LabelLayers';
import { useLang } from '../../i18n/language';
import { AtlasMap } from '../../map/AtlasMap';
import { BoundaryLayers } from '../../map/BoundaryLayers';
import { CENTRAL_AMERICA_BOUNDS } from '../../map/initial-view';
import { useAtlasMap } from '../../map/map-context';

const READY_SOURCES = ['countries'];

interface EditorMapProps {
  label: string;
  /** What the map shows (a record, a program): it is framed once per subject. */
  subject: string;
  /** The saved geometries to frame (undefined while loading); none: Central America stays. */
  fitTo: readonly Geometry[] | undefined;
  children?: ReactNode;
}

/**
 * Frame what was saved when the subject opened, once. Not on later changes: a person drawing,
 * reshaping or adding a site keeps the view they chose.
 */
function FitToSaved({ subject, fitTo }: Pick<EditorMapProps, 'subject' | 'fitTo'>) {
  const { map } = useAtlasMap();
  const fitted = useRef<string | null>(null);
  // The extent as text, so a new array of the same geometries is no change; null: loading.
  const extent = fitTo ? (extentOf(fitTo)?.flat().join(',') ?? '') : null;
  useEffect(() => {
    if (!map || extent === null || fitted.current === subject) return;
    fitted.current = subject;
    if (extent === '') return;
    const [west = 0, south = 0, east = 0, north = 0] = extent.split(',').map(Number);
    // A lone point has no extent: maxZoom keeps it at a department's scale.
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 48, maxZoom: 9, duration: 0 },
    );
  }, [map, extent, subject]);
  return null;
}

export function EditorMap({ label, subject, fitTo, children }: EditorMapProps) {
  const lang = useLang();
  return (
    <AtlasMap label={label} readySources={READY_SOURCES} initialBounds={CENTRAL_AMERICA_BOUNDS}>
      <BoundaryLayers />
      <LabelLayers lang={lang} />
      <FitToSaved subject={subject} fitTo={fitTo} />
      {children}
    </AtlasMap>
  );
}
