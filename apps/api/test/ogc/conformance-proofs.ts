// Each conformance class /ogc/conformance may declare, with the test (file, exact title) that
// proves it over HTTP on both engines. items.test.ts fails when a declared class has no entry
// here or an entry names a test that does not exist: declare only what a test proves.
const FEATURES = 'http://www.opengis.net/spec/ogcapi-features';
const CQL2 = 'http://www.opengis.net/spec/cql2/1.0/conf';
const TILES = 'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf';

type Proof = [file: string, title: string];

const CORE: Proof = ['./core.test.ts', 'pages through a whole collection with next links'];
const CASES: Proof = [
  './cql2.test.ts',
  'selects the same features in both encodings as the SQL condition',
];
const OPERATORS: Proof = [
  './items.test.ts',
  'has an HTTP case for every operator and geometry literal of the declared CQL2 classes',
];
const TILE: Proof = ['../tiles/tiles.http.test.ts', 'serves the same tile as /tiles'];
const TILESETS: Proof = ['../tiles/tiles.http.test.ts', "lists a collection's tilesets"];

export const PROOFS: Record<string, Proof[]> = {
  [`${FEATURES}-1/1.0/conf/core`]: [
    ['./core.test.ts', 'answers the landing page with service-desc, conformance and data links'],
    ['./core.test.ts', 'describes a collection with its extent, crs, storageCrs and links'],
    CORE,
    ['./items.test.ts', 'follows prev links from the last page back to the first'],
    ['./core.test.ts', 'defaults to 100 features and refuses a limit over 10,000'],
    ['./core.test.ts', 'filters by bbox like SQL, crossing the antimeridian too'],
    ['./items.test.ts', 'selects by datetime: instants, closed and open intervals'],
  ],
  [`${FEATURES}-1/1.0/conf/geojson`]: [
    CORE, // getItems checks application/geo+json and the FeatureCollection shape
    ['./core.test.ts', 'answers one feature with its ETag, and 304 when it has not changed'],
  ],
  [`${FEATURES}-3/1.0/conf/queryables`]: [
    ['./core.test.ts', 'publishes the queryables as JSON Schema'],
    ['./items.test.ts', "publishes every collection's queryables as JSON Schema"],
  ],
  [`${FEATURES}-3/1.0/conf/filter`]: [
    CASES,
    ['./items.test.ts', 'takes filter-crs and bbox-crs only as CRS84, and no other filter-lang'],
  ],
  [`${FEATURES}-3/1.0/conf/features-filter`]: [
    ['./cql2.test.ts', 'combines a filter with bbox, datetime and the registry filters'],
  ],
  [`${CQL2}/cql2-text`]: [
    CASES,
    ['./cql2.test.ts', 'refuses malformed filters with 400 and the position of the error'],
  ],
  [`${CQL2}/cql2-json`]: [CASES],
  [`${CQL2}/basic-cql2`]: [CASES, OPERATORS],
  [`${CQL2}/advanced-comparison-operators`]: [CASES, OPERATORS],
  [`${CQL2}/case-insensitive-comparison`]: [CASES, OPERATORS],
  [`${CQL2}/accent-insensitive-comparison`]: [
    ['./cql2.test.ts', 'compares accent-insensitively with ACCENTI'],
  ],
  [`${CQL2}/basic-spatial-functions`]: [CASES, OPERATORS],
  [`${CQL2}/basic-spatial-functions-plus`]: [CASES, OPERATORS],
  [`${CQL2}/spatial-functions`]: [CASES, OPERATORS],
  [`${CQL2}/temporal-functions`]: [CASES, OPERATORS],
  [`${CQL2}/array-functions`]: [CASES, OPERATORS],
  [`${CQL2}/property-property`]: [CASES],
  [`${CQL2}/arithmetic`]: [CASES, OPERATORS],
  [`${FEATURES}-4/1.0/conf/create-replace-delete`]: [
    ['./transactions.test.ts', 'creates a feature: 201, Location, ETag, the stored feature'],
    ['./transactions.test.ts', 'deletes with If-Match; the feature vanishes from items'],
  ],
  [`${FEATURES}-4/1.0/conf/update`]: [
    ['./transactions.test.ts', 'updates and replaces with If-Match: 428 without, 412 when stale'],
  ],
  [`${FEATURES}-4/1.0/conf/optimistic-locking-etags`]: [
    ['./transactions.test.ts', 'updates and replaces with If-Match: 428 without, 412 when stale'],
  ],
  [`${FEATURES}-4/1.0/conf/features`]: [
    ['./transactions.test.ts', 'edits corridors and sites the same way'],
  ],
  [`${TILES}/core`]: [TILE],
  [`${TILES}/tileset`]: [TILESETS],
  [`${TILES}/tilesets-list`]: [TILESETS],
  [`${TILES}/geodata-tilesets`]: [TILESETS],
  [`${TILES}/mvt`]: [TILE, ['../tiles/tiles.engines.test.ts', 'with the same features from both']],
};
