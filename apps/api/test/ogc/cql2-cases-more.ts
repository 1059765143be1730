// More CQL2 cases for cql2.test.ts (the rest of the operators the declared conformance classes
// name): arithmetic (/, %, div, ^), S_INTERSECTS with every geometry literal, and the temporal
// relations cql2-cases.ts leaves out. Same shape: text, JSON and the SQL of the same rows.
import { sql } from 'kysely';
import type { Case } from './cql2-cases';

const live = (table: string) => sql.raw(`${table} WHERE deleted_at IS NULL AND`);
const prop = (property: string) => ({ property });
const LINE = 'LINESTRING(-91 14, -87 16)';
const lineJson = {
  type: 'LineString',
  coordinates: [
    [-91, 14],
    [-87, 16],
  ],
};
const polygonJson = {
  type: 'Polygon',
  coordinates: [
    [
      [-92, 13],
      [-88, 13],
      [-88, 18],
      [-92, 18],
      [-92, 13],
    ],
  ],
};

export const MORE_CASES: Case[] = [
  // Arithmetic
  {
    collection: 'communities',
    text: 'population / 1000 > homicideRate AND population % 2 = 0',
    json: {
      op: 'and',
      args: [
        { op: '>', args: [{ op: '/', args: [prop('population'), 1000] }, prop('homicideRate')] },
        { op: '=', args: [{ op: '%', args: [prop('population'), 2] }, 0] },
      ],
    },
    from: sql`${live('communities')} population / 1000.0 > homicide_rate AND population % 2 = 0`,
  },
  {
    collection: 'communities',
    text: 'population div 1000 >= 20 OR homicideRate ^ 2 > 2500',
    json: {
      op: 'or',
      args: [
        { op: '>=', args: [{ op: 'div', args: [prop('population'), 1000] }, 20] },
        { op: '>', args: [{ op: '^', args: [prop('homicideRate'), 2] }, 2500] },
      ],
    },
    from: sql`${live('communities')} (population >= 20000 OR homicide_rate > 50)`,
  },
  // Basic spatial functions with every geometry literal (the plus class)
  {
    collection: 'countries',
    text: `S_INTERSECTS(geometry, MULTILINESTRING((-91 14, -87 16), (-85 11, -83 10)))`,
    json: {
      op: 's_intersects',
      args: [
        prop('geometry'),
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [-91, 14],
              [-87, 16],
            ],
            [
              [-85, 11],
              [-83, 10],
            ],
          ],
        },
      ],
    },
    from: sql`countries WHERE ST_Intersects(geom,
      ST_GeomFromText('MULTILINESTRING((-91 14, -87 16), (-85 11, -83 10))', 4326))`,
  },
  {
    collection: 'incidents',
    text: `S_INTERSECTS(geometry, MULTIPOLYGON(((-92 13, -88 13, -88 18, -92 18, -92 13)), ((-86 12, -84 12, -84 14, -86 14, -86 12))))`,
    json: {
      op: 's_intersects',
      args: [
        prop('geometry'),
        {
          type: 'MultiPolygon',
          coordinates: [
            polygonJson.coordinates,
            [
              [
                [-86, 12],
                [-84, 12],
                [-84, 14],
                [-86, 14],
                [-86, 12],
              ],
            ],
          ],
        },
      ],
    },
    from: sql`${live('incidents')} ST_Intersects(geom, ST_GeomFromText(
      'MULTIPOLYGON(((-92 13, -88 13, -88 18, -92 18, -92 13)), ((-86 12, -84 12, -84 14, -86 14, -86 12)))', 4326))`,
  },
  {
    collection: 'departments',
    text: `S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(-90.5 15.5), ${LINE}))`,
    json: {
      op: 's_intersects',
      args: [
        prop('geometry'),
        {
          type: 'GeometryCollection',
          geometries: [{ type: 'Point', coordinates: [-90.5, 15.5] }, lineJson],
        },
      ],
    },
    from: sql`departments WHERE ST_Intersects(geom,
      ST_GeomFromText(${`GEOMETRYCOLLECTION(POINT(-90.5 15.5), ${LINE})`}, 4326))`,
  },
  // The other temporal relations (an open end of a period reaches every later day)
  {
    collection: 'programs',
    text: 'T_FINISHEDBY(INTERVAL(startDate, endDate), endDate)',
    json: {
      op: 't_finishedby',
      args: [{ interval: [prop('startDate'), prop('endDate')] }, prop('endDate')],
    },
    from: sql`${live('programs')} end_date IS NOT NULL AND start_date < end_date`,
  },
  {
    collection: 'programs',
    text: 'T_FINISHES(endDate, INTERVAL(startDate, endDate))',
    json: {
      op: 't_finishes',
      args: [prop('endDate'), { interval: [prop('startDate'), prop('endDate')] }],
    },
    from: sql`${live('programs')} end_date IS NOT NULL AND end_date > start_date`,
  },
  {
    collection: 'programs',
    text: 'T_STARTEDBY(INTERVAL(startDate, endDate), startDate)',
    json: {
      op: 't_startedby',
      args: [{ interval: [prop('startDate'), prop('endDate')] }, prop('startDate')],
    },
    from: sql`${live('programs')} (end_date IS NULL OR end_date > start_date)`,
  },
  {
    collection: 'programs',
    text: "T_OVERLAPPEDBY(INTERVAL(startDate, endDate), INTERVAL('2009-01-01', '2012-01-01'))",
    json: {
      op: 't_overlappedby',
      args: [
        { interval: [prop('startDate'), prop('endDate')] },
        { interval: ['2009-01-01', '2012-01-01'] },
      ],
    },
    from: sql`${live('programs')} start_date > '2009-01-01' AND start_date < '2012-01-01'
      AND coalesce(end_date, 'infinity'::date) > '2012-01-01'`,
  },
  {
    collection: 'incidents',
    text: "T_MEETS(occurredOn, DATE('2011-06-15')) OR T_METBY(occurredOn, DATE('2012-03-01'))",
    json: {
      op: 'or',
      args: [
        { op: 't_meets', args: [prop('occurredOn'), { date: '2011-06-15' }] },
        { op: 't_metby', args: [prop('occurredOn'), { date: '2012-03-01' }] },
      ],
    },
    from: sql`${live('incidents')} occurred_on IN ('2011-06-15', '2012-03-01')`,
  },
];
