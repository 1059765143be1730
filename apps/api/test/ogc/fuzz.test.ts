// Property-based (fast-check) on both engines: random and half-valid CQL2 filters (text and
// JSON), bbox, datetime, sortby and properties on the items routes answer 200 or a problem+json
// 400, never a 5xx. The examples are filters that reach the database and fail there (division by
// zero, overflow, out-of-range dates): they must be 400s too.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { itemsUrl } from './support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const TOKENS = [
  'kind',
  'country',
  'occurredOn',
  'quantity',
  'threat',
  'geometry',
  'population',
  'homicideRate',
  'threats',
  'goals',
  'startDate',
  'endDate',
  '"kind"',
  'nope',
  '=',
  '<>',
  '<',
  '>=',
  'LIKE',
  'IN',
  'BETWEEN',
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  '(',
  ')',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  'div',
  '^',
  "'seizure'",
  "'GT'",
  "'%'",
  "'x\\'",
  "''",
  '0',
  '1',
  '-1',
  '0.5',
  '1e308',
  '1e309',
  'TRUE',
  "DATE('2011-01-01')",
  "DATE('0000-01-01')",
  "DATE('2011-02-30')",
  "TIMESTAMP('2011-01-01T00:00:00Z')",
  "INTERVAL('..', '2012-01-01')",
  'INTERVAL(startDate, endDate)',
  'POINT(0 0)',
  'BBOX(0,0,1,1)',
  'BBOX(190,0,0,1)',
  'POLYGON((0 0, 1 0, 1 1, 0 0))',
  'S_INTERSECTS',
  'S_WITHIN',
  'T_AFTER',
  'T_DURING',
  'A_CONTAINS',
  "('a', 'b')",
  '(1, 2)',
  'CASEI',
  'ACCENTI',
  'lower',
];

/** Token soup (mostly syntax errors) and random text. */
const cql2Text = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 14 }).map((t) => t.join(' ')),
  fc.string({ maxLength: 60 }),
);

const property = fc.constantFrom('kind', 'quantity', 'occurredOn', 'geometry', 'threat', 'nope');
const literal = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(0, -1, 1e308),
  fc.constant({ date: '0000-01-01' }),
  fc.constant({ timestamp: '2011-01-01T00:00:00Z' }),
  fc.constant({ interval: ['..', '2012-01-01'] }),
  fc.constant({ bbox: [-92, 13, -88, 18] }),
  fc.constant({ type: 'Point', coordinates: [1e308, 0] }),
);
/** Well-shaped cql2-json trees with random operators and operands (type errors, math errors). */
const { tree } = fc.letrec<{ tree: unknown; operand: unknown }>((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small' },
    literal,
    property.map((name) => ({ property: name })),
    fc.record({
      op: fc.constantFrom('+', '-', '*', '/', '%', 'div', '^', 'casei', 'accenti', 'lower'),
      args: fc.array(tie('operand'), { minLength: 1, maxLength: 2 }),
    }),
  ),
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.record({
      op: fc.constantFrom(
        '=',
        '<',
        '>=',
        'like',
        'between',
        'in',
        'isNull',
        's_intersects',
        't_after',
        't_during',
        'a_contains',
        'nope',
      ),
      args: fc.array(tie('operand'), { maxLength: 3 }),
    }),
    fc.record({
      op: fc.constantFrom('and', 'or', 'not'),
      args: fc.array(tie('tree'), { maxLength: 3 }),
    }),
    fc.jsonValue({ maxDepth: 3 }),
  ),
}));

const numberText = fc.oneof(
  fc.double().map(String),
  fc.integer({ min: -200, max: 200 }).map(String),
  fc.constantFrom('', 'NaN', '-0', '1e999', '.5', '180', '-180', '90', '-90'),
);
const bbox = fc.oneof(
  fc.array(numberText, { minLength: 0, maxLength: 7 }).map((parts) => parts.join(',')),
  fc.string({ maxLength: 30 }),
);
const datetime = fc.oneof(
  fc.constantFrom('0000-01-01', '9999-12-31', '2011-02-29', '../..', '/', '2012-01-01/..', '..'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc
    .tuple(fc.date({ noInvalidDate: true }), fc.date({ noInvalidDate: true }))
    .map(([a, b]) => `${a.toISOString().slice(0, 10)}/${b.toISOString()}`),
  fc.string({ maxLength: 30 }),
);
const query = fc.record(
  {
    filter: fc.oneof(
      cql2Text,
      tree.map((value) => JSON.stringify(value)),
    ),
    'filter-lang': fc.constantFrom('cql2-text', 'cql2-json', 'sql'),
    bbox,
    datetime,
    sortby: fc.oneof(fc.constantFrom('-occurredOn,kind', 'geometry', '+quantity'), fc.string()),
    properties: fc.oneof(fc.constantFrom('kind,quantity', 'nope'), fc.string()),
    limit: fc.oneof(fc.integer({ min: -5, max: 20_000 }).map(String), fc.string()),
    offset: fc.oneof(fc.integer({ min: -5, max: 1e7 }).map(String), fc.constant('1e400')),
  },
  { requiredKeys: [] },
);

describe.each(testEngines())('OGC items never answer 5xx on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  async function expectAnswered(collection: string, parameters: Record<string, string>) {
    const url = itemsUrl(collection, parameters);
    const response = await app.inject({ method: 'GET', url, headers: analyst });
    const what = `${url}: ${response.body.slice(0, 300)}`;
    if (response.statusCode === 200) {
      expect(response.json<{ type: string }>().type, what).toBe('FeatureCollection');
      return;
    }
    expect(response.statusCode, what).toBe(400);
    expect(String(response.headers['content-type']), what).toMatch(/^application\/problem\+json/);
  }

  it('refuses filters that fail inside the database with 400', async () => {
    for (const [collection, filter] of [
      ['incidents', 'quantity / 0 > 1'],
      ['incidents', 'quantity % 0 = 1'],
      ['incidents', 'quantity div 0 = 1'],
      ['communities', '(0 - population) ^ 0.5 > 1'],
      ['communities', 'population * 1e308 * 1e308 > 1'],
      ['communities', '10 ^ 400 > population'],
      ['incidents', "occurredOn > DATE('0000-01-01')"],
      ['incidents', "T_AFTER(occurredOn, TIMESTAMP('0000-01-01T00:00:00Z'))"],
    ] as const) {
      const url = itemsUrl(collection, { filter });
      const response = await app.inject({ method: 'GET', url, headers: analyst });
      expect(response.statusCode, `${filter}: ${response.body}`).toBe(400);
      expect(response.json<{ detail: string }>().detail, filter).toMatch(
        /filter cannot be evaluated/,
      );
    }
    const datetime = itemsUrl('incidents', { datetime: '0000-01-01' });
    expect((await app.inject({ method: 'GET', url: datetime, headers: analyst })).statusCode).toBe(
      400,
    );
  });

  it('answers random filters, bbox and datetime with 200 or 400', async () => {
    const collection = fc.constantFrom('incidents', 'programs', 'communities', 'countries');
    await fc.assert(
      fc.asyncProperty(collection, query, async (name, parameters) => {
        await expectAnswered(name, parameters);
      }),
      { numRuns: RUNS },
    );
  }, 240_000);
});
