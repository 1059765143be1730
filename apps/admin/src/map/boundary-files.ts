// The basemap's geometry: boundary files from @atlas/geodata, bundled as hashed static assets
// (vite.config.ts `assetsInclude`), so the map needs no tile server and no network beyond its host.
import countriesUrl from '@atlas/geodata/data/boundaries/countries.geojson?url';
import departmentsUrl from '@atlas/geodata/data/boundaries/departments.geojson?url';

export { countriesUrl, departmentsUrl };
