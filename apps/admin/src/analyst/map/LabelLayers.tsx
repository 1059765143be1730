// Country and department names drawn with a font bundled into the app (Noto Sans from
// @fontsource, latin subset: every Spanish letter). MapLibre's `font-faces` draws the glyphs from
// that file in the browser, so there is no glyph server and no `glyphs` URL in the style. Names
// sit on one point per country or department (label-points.ts), so none is repeated.
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { useQuery } from '@tanstack/react-query';
import { Layer, Source } from '@vis.gl/react-maplibre';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useState } from 'react';
import { countriesUrl, departmentsUrl } from '../../map/boundary-files';
import { useAtlasMap } from '../../map/map-context';
import { labelPoints } from './label-points';
import { ANALYST_LAYER_IDS, LABEL_FONT, labelLayer } from './layer-styles';

export const LABEL_FONT_URL = fontUrl;

function absolute(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** Declare the bundled font on the map; labels mount only once it is declared. */
function useBundledFont(): boolean {
  const { map } = useAtlasMap();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!map) return;
    map.setFontFaces({ [LABEL_FONT]: absolute(fontUrl) });
    // The labels must mount after the font is declared, so this state follows the external call.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReady(true);
  }, [map]);
  return ready;
}

interface LabelLayersProps {
  lang: 'en' | 'es';
}

/** The label points of a boundary file (the same static asset the basemap draws, cached). */
function useLabelPoints(url: string) {
  return useQuery({
    queryKey: ['analyst', 'label-points', url],
    queryFn: async ({ signal }) => {
      const response = await fetch(url, { signal });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return labelPoints((await response.json()) as FeatureCollection<Polygon | MultiPolygon>);
    },
    staleTime: Infinity,
  });
}

export function LabelLayers({ lang }: LabelLayersProps) {
  const ready = useBundledFont();
  const departments = useLabelPoints(departmentsUrl);
  const countries = useLabelPoints(countriesUrl);
  // Both at once, departments first: the layer order stays the same whatever loads first.
  if (!ready || !departments.data || !countries.data) return null;
  return (
    <>
      <Source id="analyst-department-labels" type="geojson" data={departments.data}>
        <Layer {...labelLayer(ANALYST_LAYER_IDS.departmentLabel, lang, 11, 6)} />
      </Source>
      <Source id="analyst-country-labels" type="geojson" data={countries.data}>
        <Layer {...labelLayer(ANALYST_LAYER_IDS.countryLabel, lang, 14, 0)} />
      </Source>
    </>
  );
}
