// CQL2 reading without a database: cql2-text (the peggy grammar) and cql2-json give the same
// tree; malformed filters say where they fail.
import { describe, expect, it } from 'vitest';
import { FilterError, parseCql2Text, readCql2Json } from '../../src/routes/ogc/cql2';

const pairs: [string, unknown][] = [
  ["kind = 'seizure'", { op: '=', args: [{ property: 'kind' }, 'seizure'] }],
  [
    'a = 1 AND b <> 2 OR NOT c >= 3',
    {
      op: 'or',
      args: [
        {
          op: 'and',
          args: [
            { op: '=', args: [{ property: 'a' }, 1] },
            { op: '<>', args: [{ property: 'b' }, 2] },
          ],
        },
        { op: 'not', args: [{ op: '>=', args: [{ property: 'c' }, 3] }] },
      ],
    },
  ],
  [
    "name NOT LIKE CASEI('a%')",
    {
      op: 'not',
      args: [{ op: 'like', args: [{ property: 'name' }, { op: 'casei', args: ['a%'] }] }],
    },
  ],
  ['population BETWEEN 10 AND 100', { op: 'between', args: [{ property: 'population' }, 10, 100] }],
  ["kind IN ('a', 'b')", { op: 'in', args: [{ property: 'kind' }, ['a', 'b']] }],
  ['threat IS NOT NULL', { op: 'not', args: [{ op: 'isNull', args: [{ property: 'threat' }] }] }],
  [
    'S_INTERSECTS(geometry, BBOX(-92, 13, -88, 18))',
    { op: 's_intersects', args: [{ property: 'geometry' }, { bbox: [-92, 13, -88, 18] }] },
  ],
  [
    'S_WITHIN(geometry, POLYGON((0 0, 1 0, 1 1, 0 0)))',
    {
      op: 's_within',
      args: [
        { property: 'geometry' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      ],
    },
  ],
  [
    "T_INTERSECTS(INTERVAL(startDate, endDate), INTERVAL('2012-01-01', '..'))",
    {
      op: 't_intersects',
      args: [
        { interval: [{ property: 'startDate' }, { property: 'endDate' }] },
        { interval: ['2012-01-01', '..'] },
      ],
    },
  ],
  [
    "occurredOn > TIMESTAMP('2011-02-03T10:00:00Z')",
    { op: '>', args: [{ property: 'occurredOn' }, { timestamp: '2011-02-03T10:00:00Z' }] },
  ],
  [
    "A_CONTAINS(threats, ('firearms'))",
    { op: 'a_contains', args: [{ property: 'threats' }, ['firearms']] },
  ],
  [
    'population * 2 > homicideRate + 1',
    {
      op: '>',
      args: [
        { op: '*', args: [{ property: 'population' }, 2] },
        { op: '+', args: [{ property: 'homicideRate' }, 1] },
      ],
    },
  ],
];

describe('cql2-text and cql2-json', () => {
  it.each(pairs)('read %s into the same tree as its JSON', (text, json) => {
    expect(parseCql2Text(text)).toEqual(readCql2Json(JSON.stringify(json)));
  });

  it('reads keywords in any case and quoted property names', () => {
    expect(parseCql2Text(`"kind" in ('a') and not threat is null`)).toEqual(
      parseCql2Text(`kind IN ('a') AND NOT threat IS NULL`),
    );
  });

  it('reads doubled quotes in strings as one quote', () => {
    expect(parseCql2Text("name = 'O''Brien'")).toEqual(
      readCql2Json({ op: '=', args: [{ property: 'name' }, "O'Brien"] }),
    );
  });

  const malformed: [string, RegExp][] = [
    ['kind = ', /column 8/],
    ["kind = 'a' AND", /column 15/],
    ['x = 1; DROP TABLE programs', /column 6/],
    ["occurredOn = DATE('2011-02-30')", /real calendar date/],
    ['S_WITHIN(geometry, POLYGON((0 0, 1 0, 1 1, 2 2)))', /ring must end at its first point/],
    ["kind = 'unterminated", /column/],
  ];
  it.each(malformed)('refuses %s saying where', (text, pattern) => {
    const error = (() => {
      try {
        parseCql2Text(text);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FilterError);
    expect((error as FilterError).statusCode).toBe(400);
    expect((error as FilterError).message).toMatch(pattern);
  });

  it('refuses malformed cql2-json with the JSON pointer of the bad node', () => {
    expect(() => readCql2Json('{"op":"=","args":[{"property":"kind"}]}')).toThrow(/at \/args/);
    expect(() => readCql2Json('{"op":"and","args":[true, {"op":"nope","args":[]}]}')).toThrow(
      /\/args\/1\/op/,
    );
    expect(() => readCql2Json('{"op": "=", ')).toThrow(/not valid JSON/);
  });
});
