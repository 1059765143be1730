// The conformance classes /ogc/conformance declares: only what apps/api/test/ogc proves
// (test/ogc/items.test.ts names the test proving each one and fails on any class without one).
// Other parts append their own (the vector tiles add the OGC API Tiles classes).
import { TILES_CONFORMANCE_CLASSES } from '../tiles/tile-matrix-set';

const FEATURES = 'http://www.opengis.net/spec/ogcapi-features';
const CQL2 = 'http://www.opengis.net/spec/cql2/1.0/conf';

export const CONFORMANCE_CLASSES: string[] = [
  // Part 1: Core
  `${FEATURES}-1/1.0/conf/core`,
  `${FEATURES}-1/1.0/conf/geojson`,
  // Part 3: Filtering
  // (not queryables-query-parameters: only the registry's own filters are query parameters)
  `${FEATURES}-3/1.0/conf/queryables`,
  `${FEATURES}-3/1.0/conf/filter`,
  `${FEATURES}-3/1.0/conf/features-filter`,
  // CQL2
  `${CQL2}/cql2-text`,
  `${CQL2}/cql2-json`,
  `${CQL2}/basic-cql2`,
  `${CQL2}/advanced-comparison-operators`,
  `${CQL2}/case-insensitive-comparison`,
  `${CQL2}/accent-insensitive-comparison`,
  `${CQL2}/basic-spatial-functions`,
  `${CQL2}/basic-spatial-functions-plus`,
  `${CQL2}/spatial-functions`,
  `${CQL2}/temporal-functions`,
  `${CQL2}/array-functions`,
  `${CQL2}/property-property`,
  `${CQL2}/arithmetic`,
  // Part 4: Create, Replace, Update and Delete
  `${FEATURES}-4/1.0/conf/create-replace-delete`,
  `${FEATURES}-4/1.0/conf/update`,
  `${FEATURES}-4/1.0/conf/optimistic-locking-etags`,
  `${FEATURES}-4/1.0/conf/features`,
  // OGC API - Tiles (routes/tiles/ogc-tiles.ts; proven by test/tiles)
  ...TILES_CONFORMANCE_CLASSES,
];
