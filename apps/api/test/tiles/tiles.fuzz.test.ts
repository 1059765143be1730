// Property-based (fast-check) on both engines: random tilesets, tile coordinates and filter
// values on /tiles and the OGC API Tiles routes answer a tile (200/204) or a problem+json
// 400/404/414, never a 5xx; a valid tile always decodes.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { LAYER_NAMES } from '../../src/routes/tiles/catalog';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { decodeTile } from './support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const tileset = fc.oneof(
  fc.subarray([...LAYER_NAMES], { minLength: 1 }).map((names) => names.join(',')),
  fc.constantFrom('roads', 'sites,sites', '', 'sites,', '%2e%2e', 'a'.repeat(300)),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const coordinate = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map(String),
  fc.integer({ min: 0, max: 70_000 }).map(String),
  fc.constantFrom('-1', '01', '1.5', '1e3', '99999999999', 'x', ''),
);
const value = fc.oneof(
  fc.constantFrom('GT', 'XX', 'prevention', 'active', 'INL', '2', '9', '2011', '2011-01-01'),
  fc.constantFrom('2011-02-30', '0000-01-01', 'seizure', 'land', '-1', '1e9', "'; --", ''),
  fc.string({ maxLength: 12 }),
);
const filterName = fc.constantFrom(
  'country',
  'line',
  'goal',
  'status',
  'agency',
  'fyFrom',
  'fyTo',
  'from',
  'to',
  'mode',
  'kind',
  'bbox',
  'colour',
);
const query = fc
  .array(fc.tuple(filterName, value), { maxLength: 4 })
  .map((pairs) => new URLSearchParams(pairs).toString());

/** A client error (400, 404, 414: never 401 for a signed-in analyst) as problem+json. */
function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown> },
  what: string,
) {
  expect([400, 404, 414], what).toContain(response.statusCode);
  expect(String(response.headers['content-type']), what).toMatch(/^application\/problem\+json/);
}

describe.each(testEngines())('tiles never answer 5xx on %s', (engine) => {
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

  async function expectAnswered(url: string) {
    const response = await app.inject({ method: 'GET', url, headers: analyst });
    const what = `${url}: ${response.body.slice(0, 300)}`;
    if (response.statusCode === 200) {
      expect(Object.keys(decodeTile(new Uint8Array(response.rawPayload))), what).not.toEqual([]);
      return;
    }
    if (response.statusCode === 204) return;
    expectProblem(response, what);
  }

  it('answers random tiles and filters with a tile, 204, 400 or 404', async () => {
    await fc.assert(
      fc.asyncProperty(
        tileset,
        fc.tuple(coordinate, coordinate, coordinate),
        query,
        fc.boolean(),
        async (id, [z, x, y], search, ogc) => {
          const path = ogc
            ? `/ogc/collections/${encodeURIComponent(id)}/tiles/WebMercatorQuad/${z}/${y}/${x}`
            : `/tiles/${encodeURIComponent(id)}/${z}/${x}/${y}.mvt`;
          await expectAnswered(`${path}?${search}`);
        },
      ),
      { numRuns: RUNS },
    );
  }, 240_000);

  it('answers random TileJSON requests with 200 or a problem', async () => {
    await fc.assert(
      fc.asyncProperty(tileset, query, async (id, search) => {
        const url = `/tiles/${encodeURIComponent(id)}.json?${search}`;
        const response = await app.inject({ method: 'GET', url, headers: analyst });
        const what = `${url}: ${response.body.slice(0, 300)}`;
        if (response.statusCode === 200) {
          expect(response.json<{ tilejson: string }>().tilejson, what).toBe('3.0.0');
        } else {
          expectProblem(response, what);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
