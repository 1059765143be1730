import { Layer, Source } from '@vis.gl/react-maplibre';
import {
  SLOT_IDS,
  SOURCE_IDS,
  countryBorderLayer,
  countryFillLayer,
  departmentLineLayer,
} from './basemap-style';
import { countriesUrl, departmentsUrl } from './boundary-files';

/** The basemap: country fills, department lines and country borders from @atlas/geodata. */
export function BoundaryLayers() {
  return (
    <>
      <Source id={SOURCE_IDS.countries} type="geojson" data={countriesUrl}>
        <Layer {...countryFillLayer} beforeId={SLOT_IDS.departments} />
        <Layer {...countryBorderLayer} beforeId={SLOT_IDS.data} />
      </Source>
      <Source id={SOURCE_IDS.departments} type="geojson" data={departmentsUrl}>
        <Layer {...departmentLineLayer} beforeId={SLOT_IDS.borders} />
      </Source>
    </>
  );
}
