// The CQL2 cases of cql2.test.ts: each filter in cql2-text and cql2-json, with the hand-written
// SQL condition that selects the same live rows.
import { sql, type RawBuilder } from 'kysely';

export interface Case {
  collection: string;
  text: string;
  json: unknown;
  /** FROM … WHERE … of the same selection, live rows only. */
  from: RawBuilder<unknown>;
}

const live = (table: string) => sql.raw(`${table} WHERE deleted_at IS NULL AND`);
const POLYGON = 'POLYGON((-92 13, -88 13, -88 18, -92 18, -92 13))';
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
const LINE = 'LINESTRING(-91 14, -87 16)';
const lineJson = {
  type: 'LineString',
  coordinates: [
    [-91, 14],
    [-87, 16],
  ],
};
export const prop = (property: string) => ({ property });

export const CASES: Case[] = [
  // Comparison
  {
    collection: 'incidents',
    text: "kind = 'seizure'",
    json: { op: '=', args: [prop('kind'), 'seizure'] },
    from: sql`${live('incidents')} kind = 'seizure'`,
  },
  {
    collection: 'incidents',
    text: "kind <> 'homicide'",
    json: { op: '<>', args: [prop('kind'), 'homicide'] },
    from: sql`${live('incidents')} kind <> 'homicide'`,
  },
  {
    collection: 'incidents',
    text: 'quantity > 100',
    json: { op: '>', args: [prop('quantity'), 100] },
    from: sql`${live('incidents')} quantity > 100`,
  },
  {
    collection: 'incidents',
    text: 'quantity <= 5.5',
    json: { op: '<=', args: [prop('quantity'), 5.5] },
    from: sql`${live('incidents')} quantity <= 5.5`,
  },
  {
    collection: 'incidents',
    text: "occurredOn >= DATE('2012-01-01')",
    json: { op: '>=', args: [prop('occurredOn'), { date: '2012-01-01' }] },
    from: sql`${live('incidents')} occurred_on >= '2012-01-01'`,
  },
  {
    collection: 'incidents',
    text: "occurredOn < TIMESTAMP('2010-03-01T00:00:00Z')",
    json: { op: '<', args: [prop('occurredOn'), { timestamp: '2010-03-01T00:00:00Z' }] },
    from: sql`${live('incidents')} occurred_on < '2010-03-01'`,
  },
  {
    collection: 'communities',
    text: 'illustrative = TRUE',
    json: { op: '=', args: [prop('illustrative'), true] },
    from: sql`${live('communities')} illustrative`,
  },
  // Logic
  {
    collection: 'incidents',
    text: "kind = 'seizure' AND (country = 'GT' OR country = 'HN')",
    json: {
      op: 'and',
      args: [
        { op: '=', args: [prop('kind'), 'seizure'] },
        {
          op: 'or',
          args: [
            { op: '=', args: [prop('country'), 'GT'] },
            { op: '=', args: [prop('country'), 'HN'] },
          ],
        },
      ],
    },
    from: sql`${live('incidents')} kind = 'seizure' AND country IN ('GT', 'HN')`,
  },
  {
    collection: 'incidents',
    text: "NOT country = 'GT'",
    json: { op: 'not', args: [{ op: '=', args: [prop('country'), 'GT'] }] },
    from: sql`${live('incidents')} country <> 'GT'`,
  },
  // Advanced comparison: LIKE, IN, BETWEEN, IS NULL
  {
    collection: 'incidents',
    text: "kind LIKE 'sei%'",
    json: { op: 'like', args: [prop('kind'), 'sei%'] },
    from: sql`${live('incidents')} kind LIKE 'sei%'`,
  },
  {
    collection: 'incidents',
    text: "kind NOT LIKE '%e_t%'",
    json: { op: 'not', args: [{ op: 'like', args: [prop('kind'), '%e_t%'] }] },
    from: sql`${live('incidents')} kind NOT LIKE '%e_t%'`,
  },
  {
    collection: 'incidents',
    text: "kind IN ('seizure', 'arrest')",
    json: { op: 'in', args: [prop('kind'), ['seizure', 'arrest']] },
    from: sql`${live('incidents')} kind IN ('seizure', 'arrest')`,
  },
  {
    collection: 'incidents',
    text: "country NOT IN ('GT', 'HN', 'SV')",
    json: { op: 'not', args: [{ op: 'in', args: [prop('country'), ['GT', 'HN', 'SV']] }] },
    from: sql`${live('incidents')} country NOT IN ('GT', 'HN', 'SV')`,
  },
  {
    collection: 'incidents',
    text: 'quantity BETWEEN 10 AND 100',
    json: { op: 'between', args: [prop('quantity'), 10, 100] },
    from: sql`${live('incidents')} quantity BETWEEN 10 AND 100`,
  },
  {
    collection: 'incidents',
    text: 'threat IS NULL',
    json: { op: 'isNull', args: [prop('threat')] },
    from: sql`${live('incidents')} threat IS NULL`,
  },
  {
    collection: 'incidents',
    text: 'quantity IS NOT NULL',
    json: { op: 'not', args: [{ op: 'isNull', args: [prop('quantity')] }] },
    from: sql`${live('incidents')} quantity IS NOT NULL`,
  },
  // Case-insensitive comparison
  {
    collection: 'incidents',
    text: "CASEI(kind) LIKE CASEI('SEI%')",
    json: {
      op: 'like',
      args: [
        { op: 'casei', args: [prop('kind')] },
        { op: 'casei', args: ['SEI%'] },
      ],
    },
    from: sql`${live('incidents')} kind LIKE 'sei%'`,
  },
  // Property-property and arithmetic
  {
    collection: 'communities',
    text: 'homicideRate * 1000 > population',
    json: { op: '>', args: [{ op: '*', args: [prop('homicideRate'), 1000] }, prop('population')] },
    from: sql`${live('communities')} homicide_rate * 1000 > population`,
  },
  {
    collection: 'communities',
    text: 'population - 5000 >= 10000 + year',
    json: {
      op: '>=',
      args: [
        { op: '-', args: [prop('population'), 5000] },
        { op: '+', args: [10000, prop('year')] },
      ],
    },
    from: sql`${live('communities')} population - 5000 >= 10000 + year`,
  },
  // Spatial
  {
    collection: 'incidents',
    text: 'S_INTERSECTS(geometry, BBOX(-92.5, 13.5, -88, 18))',
    json: { op: 's_intersects', args: [prop('geometry'), { bbox: [-92.5, 13.5, -88, 18] }] },
    from: sql`${live('incidents')} ST_Intersects(geom, ST_MakeEnvelope(-92.5, 13.5, -88, 18, 4326))`,
  },
  {
    collection: 'incidents',
    text: `S_WITHIN(geometry, ${POLYGON})`,
    json: { op: 's_within', args: [prop('geometry'), polygonJson] },
    from: sql`${live('incidents')} ST_Within(geom, ST_GeomFromText(${POLYGON}, 4326))`,
  },
  {
    collection: 'incidents',
    text: `S_DISJOINT(geometry, ${POLYGON})`,
    json: { op: 's_disjoint', args: [prop('geometry'), polygonJson] },
    from: sql`${live('incidents')} ST_Disjoint(geom, ST_GeomFromText(${POLYGON}, 4326))`,
  },
  {
    collection: 'corridors',
    text: `S_CROSSES(geometry, ${LINE})`,
    json: { op: 's_crosses', args: [prop('geometry'), lineJson] },
    from: sql`${live('corridors')} ST_Crosses(geom, ST_GeomFromText(${LINE}, 4326))`,
  },
  {
    collection: 'corridors',
    text: `S_OVERLAPS(geometry, ${LINE})`,
    json: { op: 's_overlaps', args: [prop('geometry'), lineJson] },
    from: sql`${live('corridors')} ST_Overlaps(geom, ST_GeomFromText(${LINE}, 4326))`,
  },
  {
    collection: 'countries',
    text: 'S_CONTAINS(geometry, POINT(-90.5 15.5))',
    json: {
      op: 's_contains',
      args: [prop('geometry'), { type: 'Point', coordinates: [-90.5, 15.5] }],
    },
    from: sql`countries WHERE ST_Contains(geom, ST_GeomFromText('POINT(-90.5 15.5)', 4326))`,
  },
  {
    collection: 'departments',
    text: 'S_TOUCHES(geometry, MULTIPOINT((-90.5 15.5), (-87 14)))',
    json: {
      op: 's_touches',
      args: [
        prop('geometry'),
        {
          type: 'MultiPoint',
          coordinates: [
            [-90.5, 15.5],
            [-87, 14],
          ],
        },
      ],
    },
    from: sql`departments WHERE ST_Touches(geom, ST_GeomFromText('MULTIPOINT((-90.5 15.5), (-87 14))', 4326))`,
  },
  {
    collection: 'countries',
    text: 'S_EQUALS(geometry, POINT(0 0))',
    json: { op: 's_equals', args: [prop('geometry'), { type: 'Point', coordinates: [0, 0] }] },
    from: sql`countries WHERE ST_Equals(geom, ST_GeomFromText('POINT(0 0)', 4326))`,
  },
  // Temporal
  {
    collection: 'incidents',
    text: "T_INTERSECTS(occurredOn, INTERVAL('2011-01-01', '2011-12-31'))",
    json: {
      op: 't_intersects',
      args: [prop('occurredOn'), { interval: ['2011-01-01', '2011-12-31'] }],
    },
    from: sql`${live('incidents')} occurred_on BETWEEN '2011-01-01' AND '2011-12-31'`,
  },
  {
    collection: 'incidents',
    text: "T_BEFORE(occurredOn, DATE('2010-01-01'))",
    json: { op: 't_before', args: [prop('occurredOn'), { date: '2010-01-01' }] },
    from: sql`${live('incidents')} occurred_on < '2010-01-01'`,
  },
  {
    collection: 'incidents',
    text: "T_AFTER(occurredOn, DATE('2013-06-30'))",
    json: { op: 't_after', args: [prop('occurredOn'), { date: '2013-06-30' }] },
    from: sql`${live('incidents')} occurred_on > '2013-06-30'`,
  },
  {
    collection: 'incidents',
    text: "T_DURING(occurredOn, INTERVAL('2012-01-01', '..'))",
    json: { op: 't_during', args: [prop('occurredOn'), { interval: ['2012-01-01', '..'] }] },
    from: sql`${live('incidents')} occurred_on > '2012-01-01'`,
  },
  {
    collection: 'incidents',
    text: "T_EQUALS(occurredOn, DATE('2011-06-15'))",
    json: { op: 't_equals', args: [prop('occurredOn'), { date: '2011-06-15' }] },
    from: sql`${live('incidents')} occurred_on = '2011-06-15'`,
  },
  {
    collection: 'incidents',
    text: "T_DISJOINT(occurredOn, INTERVAL('2010-01-01', '2012-12-31'))",
    json: {
      op: 't_disjoint',
      args: [prop('occurredOn'), { interval: ['2010-01-01', '2012-12-31'] }],
    },
    from: sql`${live('incidents')} occurred_on NOT BETWEEN '2010-01-01' AND '2012-12-31'`,
  },
  {
    collection: 'programs',
    text: "T_INTERSECTS(INTERVAL(startDate, endDate), INTERVAL('2012-01-01', '2012-12-31'))",
    json: {
      op: 't_intersects',
      args: [
        { interval: [prop('startDate'), prop('endDate')] },
        { interval: ['2012-01-01', '2012-12-31'] },
      ],
    },
    from: sql`${live('programs')} start_date <= '2012-12-31' AND (end_date IS NULL OR end_date >= '2012-01-01')`,
  },
  {
    collection: 'programs',
    text: "T_CONTAINS(INTERVAL(startDate, endDate), DATE('2012-06-01'))",
    json: {
      op: 't_contains',
      args: [{ interval: [prop('startDate'), prop('endDate')] }, { date: '2012-06-01' }],
    },
    from: sql`${live('programs')} start_date < '2012-06-01' AND (end_date IS NULL OR end_date > '2012-06-01')`,
  },
  {
    collection: 'programs',
    text: "T_OVERLAPS(INTERVAL(startDate, endDate), INTERVAL('2011-01-01', '2013-01-01'))",
    json: {
      op: 't_overlaps',
      args: [
        { interval: [prop('startDate'), prop('endDate')] },
        { interval: ['2011-01-01', '2013-01-01'] },
      ],
    },
    from: sql`${live('programs')} start_date < '2011-01-01' AND end_date > '2011-01-01' AND end_date < '2013-01-01'`,
  },
  {
    collection: 'programs',
    text: "T_STARTS(startDate, INTERVAL('2010-01-01', '2010-12-31')) OR T_METBY(startDate, DATE('2010-10-01'))",
    json: {
      op: 'or',
      args: [
        { op: 't_starts', args: [prop('startDate'), { interval: ['2010-01-01', '2010-12-31'] }] },
        { op: 't_metby', args: [prop('startDate'), { date: '2010-10-01' }] },
      ],
    },
    from: sql`${live('programs')} start_date IN ('2010-01-01', '2010-10-01')`,
  },
  // Arrays
  {
    collection: 'corridors',
    text: "A_CONTAINS(threats, ('firearms'))",
    json: { op: 'a_contains', args: [prop('threats'), ['firearms']] },
    from: sql`${live('corridors')} threats @> ARRAY['firearms']`,
  },
  {
    collection: 'corridors',
    text: "A_OVERLAPS(threats, ('firearms', 'gangs'))",
    json: { op: 'a_overlaps', args: [prop('threats'), ['firearms', 'gangs']] },
    from: sql`${live('corridors')} threats && ARRAY['firearms', 'gangs']`,
  },
  {
    collection: 'programs',
    text: 'A_CONTAINS(goals, (1, 2))',
    json: { op: 'a_contains', args: [prop('goals'), [1, 2]] },
    from: sql`${live('programs')} goals @> ARRAY[1, 2]::smallint[]`,
  },
  {
    collection: 'programs',
    text: "A_CONTAINEDBY(countries, ('GT', 'HN', 'SV'))",
    json: { op: 'a_containedby', args: [prop('countries'), ['GT', 'HN', 'SV']] },
    from: sql`${live('programs')} countries <@ ARRAY['GT', 'HN', 'SV']`,
  },
  {
    collection: 'programs',
    text: "A_EQUALS(countries, ('GT'))",
    json: { op: 'a_equals', args: [prop('countries'), ['GT']] },
    from: sql`${live('programs')} countries = ARRAY['GT']`,
  },
];
