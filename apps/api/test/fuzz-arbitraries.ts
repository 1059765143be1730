// Arbitraries for the property-based tests (test/fuzz.test.ts). Every value a `bad…` arbitrary
// makes is invalid wherever it is put, so a request carrying one must be rejected.
import fc from 'fast-check';

type Json = unknown;

const position = (lon: number, lat: number) => [lon, lat];
const closedSquare = [
  [
    [-90.6, 14.5],
    [-90.5, 14.5],
    [-90.5, 14.6],
    [-90.6, 14.6],
    [-90.6, 14.5],
  ],
];

/** A longitude beyond ±180 or a latitude beyond ±90, up to the largest doubles. */
const outOfRangePosition = fc.oneof(
  fc
    .tuple(fc.double({ min: 180.000_001, max: 1e308, noNaN: true }), fc.boolean())
    .map(([lon, west]) => position(west ? -lon : lon, 14)),
  fc
    .tuple(fc.double({ min: 90.000_001, max: 1e308, noNaN: true }), fc.boolean())
    .map(([lat, south]) => position(-90, south ? -lat : lat)),
);

/** Numbers JSON cannot carry, strings that look like numbers, and wrong arities. */
const brokenPosition = fc.constantFrom<Json>(
  [null, 14],
  ['NaN', 14],
  ['Infinity', '-Infinity'],
  ['1e400', 0],
  [-90],
  [-90, 14, 0, 0],
  [],
  [[-90, 14]],
  '(-90 14)',
  { lon: -90, lat: 14 },
);

/** Well-formed GeoJSON that the database check refuses (ST_IsValid) or that is too big. */
const invalidShapes = fc.constantFrom<Json>(
  // Self-intersecting "bow tie": well-formed, but ST_IsValid says no.
  {
    type: 'Polygon',
    coordinates: [
      [
        [-90.6, 14.5],
        [-90.5, 14.6],
        [-90.5, 14.5],
        [-90.6, 14.6],
        [-90.6, 14.5],
      ],
    ],
  },
  // A hole outside its shell.
  {
    type: 'Polygon',
    coordinates: [
      closedSquare[0],
      [
        [-89.6, 15.5],
        [-89.5, 15.5],
        [-89.5, 15.6],
        [-89.6, 15.5],
      ],
    ],
  },
  // Over 10,000 vertices.
  {
    type: 'LineString',
    coordinates: Array.from({ length: 10_050 }, (_, index) => [-90 + index / 20_000, 14]),
  },
);

/** Geometries no route may accept: RFC 7946 violations, invalid shapes, garbage. */
export const badGeometry: fc.Arbitrary<Json> = fc.oneof(
  invalidShapes,
  outOfRangePosition.map((coordinates) => ({ type: 'Point', coordinates })),
  brokenPosition.map((coordinates) => ({ type: 'Point', coordinates })),
  outOfRangePosition.map((corner) => ({
    type: 'Polygon',
    coordinates: [[corner, [-90.5, 14.5], [-90.5, 14.6], corner]],
  })),
  fc.constantFrom<Json>(
    // Ring not closed.
    { type: 'Polygon', coordinates: [closedSquare[0]?.slice(0, 4)] },
    // Ring too short.
    {
      type: 'Polygon',
      coordinates: [
        [
          [-90.6, 14.5],
          [-90.5, 14.5],
          [-90.6, 14.5],
        ],
      ],
    },
    { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [-90.5, 14.6] }] },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [-90.5, 14.6] }, properties: {} },
    { type: 'Circle', coordinates: [-90.5, 14.6], radius: 10 },
    { type: 'LineString', coordinates: [[-90.5, 14.6]] },
    {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [-90.6, 14.5],
            [-90.5, 14.5],
          ],
        ],
      ],
    },
    { type: 'Point', coordinates: [[[[[-90.5]]]]] },
    { type: 'Polygon', coordinates: 'POLYGON((0 0,1 0,1 1,0 0))' },
    { type: 'Point' },
    { coordinates: [-90.5, 14.6] },
  ),
  // Nested garbage of any shape with a geometry type.
  fc
    .tuple(fc.constantFrom('Point', 'LineString', 'Polygon', 'MultiPolygon'), fc.jsonValue())
    .filter(([, coordinates]) => !Array.isArray(coordinates) || coordinates.length === 0)
    .map(([type, coordinates]) => ({ type, coordinates })),
);

/** Strings a careless parser might read as numbers. */
const numberLikeStrings = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '0x10',
  '12abc',
  '',
  ' 5',
);

/**
 * A value of the wrong kind for a field whose valid value is `valid` (a value of the same JSON
 * type that could be valid is never produced).
 */
export function badValueFor(valid: Json): fc.Arbitrary<Json> {
  const garbage = fc.constantFrom<Json>({}, { $ne: null }, [[[{}]]], { nested: { a: [1, {}] } });
  if (typeof valid === 'number') {
    // Every numeric field has a minimum of 0 or more.
    return fc.oneof(
      numberLikeStrings,
      fc.double({ max: -1e-6, noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      garbage,
    );
  }
  if (typeof valid === 'string') {
    // Codes, dates, ids and texts all refuse surrounding whitespace.
    return fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      garbage,
      fc.constant(` ${valid}`),
      fc.constant(`${valid}\n`),
    );
  }
  if (typeof valid === 'boolean') {
    return fc.oneof(fc.constantFrom<Json>('true', 'false', 1, 0, 'yes'), garbage);
  }
  if (Array.isArray(valid)) {
    return fc.oneof(
      fc.constantFrom<Json>('[]', 'a,b', { 0: 'x' }, [null], [{}], [[]]),
      numberLikeStrings,
    );
  }
  if (valid !== null && typeof valid === 'object' && 'type' in valid) return badGeometry;
  // Objects and nulls (nullable texts and dates): only structures fit nowhere.
  return fc.oneof(garbage, fc.constantFrom<Json>([1, 2], [['x']]));
}

/** `base` with one field set to a bad value. */
export function withBadField(base: Record<string, Json>): fc.Arbitrary<Record<string, Json>> {
  const keys = Object.keys(base);
  return fc
    .constantFrom(...keys)
    .chain((key) => badValueFor(base[key]).map((value) => ({ ...base, [key]: value })));
}

/** `base` with a geometry no route accepts (for geometry collections). */
export function withBadGeometry(base: Record<string, Json>): fc.Arbitrary<Record<string, Json>> {
  return badGeometry.map((geometry) => ({ ...base, geometry }));
}

/** `base` plus a property no schema has (including prototype-pollution keys). */
export function withUnknownField(base: Record<string, Json>): fc.Arbitrary<Record<string, Json>> {
  return fc
    .tuple(
      fc.constantFrom('evil', 'version', 'createdAt', 'deletedAt', 'isAdmin', 'geom', 'totals'),
      fc.jsonValue(),
    )
    .map(([key, value]) => ({ ...base, [key]: value }));
}

/** Raw request bodies that are not JSON at all (sent as application/json). */
export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":}',
    '[1,2',
    'NaN',
    "{'name':'x'}",
    '{"name":"x",}',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '\u0000',
    '{"a":1}{"b":2}',
  ),
  fc.string().filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

/** Any JSON document: primitives, arrays, objects nested at random. */
export const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 4 });

/** Values for query parameters: valid-looking, hostile and random. */
const queryValue = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1',
    '10',
    '1e9',
    '99999999999999999999',
    'NaN',
    'Infinity',
    'null',
    'GT',
    'gt',
    'ZZ',
    'prevention',
    'active',
    'INL',
    'INCLE',
    '2020',
    '2019..2021',
    'title',
    '-title',
    'code,-startDate',
    'nope',
    '-90,13,-88,15',
    '-90,13,-88',
    '190,0,200,10',
    '-88,15,-90,13',
    "'; DROP TABLE programs; --",
    '%00',
    '<script>',
    'a'.repeat(3000),
  ),
  fc.string(),
  fc.integer().map(String),
  fc.double().map(String),
);

const queryKey = fc.oneof(
  fc.constantFrom(
    'limit',
    'offset',
    'sort',
    'bbox',
    'q',
    'country',
    'line',
    'goal',
    'status',
    'agency',
    'account',
    'fyFrom',
    'fyTo',
    'programId',
    'activeOn',
    'department',
    'year',
    'minHomicideRate',
    'minPopulation',
    'kind',
    'threat',
    'mode',
    'confidence',
    'precision',
    'lang',
    'simplify',
    'from',
    'to',
    'includeDeleted',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** A query string of up to five parameters (repeated keys allowed). */
export const queryString: fc.Arbitrary<string> = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 5 })
  .map((pairs) => new URLSearchParams(pairs).toString());
