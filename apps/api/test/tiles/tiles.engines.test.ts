// The two encoders agree: the same tiles, decoded from the embedded engine (SQL clip and
// simplify, geojson-vt + vt-pbf in Node) and from server PostGIS (ST_AsMVTGeom/ST_AsMVT in one
// query), hold the same features with the same attributes, their geometry within a few tile
// units. Without TEST_DATABASE_URL there is only the embedded engine, compared with itself.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { encodeInNode } from '../../src/routes/tiles/encode-embedded';
import { encodeWithPostgis } from '../../src/routes/tiles/encode-postgis';
import type { LayerName } from '../../src/routes/tiles/catalog';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { decodeTile, getTile, tileOf, type DecodedFeature, type DecodedTile } from './support';

/**
 * Geometry may differ by rounding, and by slivers that one encoder's validity repair trims:
 * bounding boxes agree within a pixel of a 256-pixel tile (16 of 4096 units), polygon areas
 * within 5 % (small polygons at low zooms lose or gain area when snapped to whole units).
 */
const TOLERANCE = 16;
const AREA_TOLERANCE = 0.05;

function sameGeometry(a: DecodedFeature, b: DecodedFeature): boolean {
  const boxes = a.bbox.every((value, i) => Math.abs(value - b.bbox[i]!) <= TOLERANCE);
  const areas = Math.abs(a.area - b.area) <= AREA_TOLERANCE * Math.max(a.area, b.area, 100);
  return boxes && areas;
}
const ALL = 'sites,programs,corridors,communities,incidents,countries,departments';

const TILES = [
  { z: 0, x: 0, y: 0 },
  { z: 3, x: 1, y: 3 },
  tileOf(-87, 14, 4),
  tileOf(-90.5, 14.6, 7), // Guatemala City
  tileOf(-87.2, 14.1, 10), // Tegucigalpa
  tileOf(-89.2, 13.7, 13), // San Salvador: last clustering zoom
  tileOf(-89.2, 13.7, 14),
];

function signature(feature: DecodedFeature): string {
  return JSON.stringify([feature.type, feature.id, Object.entries(feature.properties).sort()]);
}

/** Pairs each feature of `a` with one of `b` by type, id and attributes; checks geometry. */
function expectSameTile(a: DecodedTile, b: DecodedTile, label: string): void {
  expect(Object.keys(a).sort(), label).toEqual(Object.keys(b).sort());
  for (const [layer, features] of Object.entries(a)) {
    const others = new Map<string, DecodedFeature[]>();
    for (const feature of b[layer]!) {
      others.set(signature(feature), [...(others.get(signature(feature)) ?? []), feature]);
    }
    expect(features.map(signature).sort(), `${label} ${layer}`).toEqual(
      b[layer]!.map(signature).sort(),
    );
    for (const feature of features) {
      const candidates = others.get(signature(feature))!;
      const match = candidates.find((other) => sameGeometry(feature, other));
      expect(
        match,
        `${label} ${layer} ${signature(feature)}: bbox ${feature.bbox.join(' ')} area ${feature.area}, ` +
          candidates.map((other) => `other ${other.bbox.join(' ')} area ${other.area}`).join(' / '),
      ).toBeDefined();
      candidates.splice(candidates.indexOf(match!), 1);
    }
  }
}

const engines = testEngines();
const pair = engines.includes('postgis')
  ? (['pglite', 'postgis'] as const)
  : (['pglite', 'pglite'] as const);

describe(`tiles from ${pair[0]} and ${pair[1]}`, () => {
  const databases: AtlasDatabase[] = [];
  const apps: AtlasApp[] = [];
  const headers: Record<string, string>[] = [];

  beforeAll(async () => {
    for (const engine of pair) {
      const adb = await openTestDatabase(engine, { seed: true });
      const app = await buildTestApp(adb);
      databases.push(adb);
      apps.push(app);
      headers.push(await createPrincipalHeaders(app, adb, { role: 'analyst' }));
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const adb of databases) await adb.close();
  });

  it('uses the encoder the capabilities probe chose', () => {
    expect(databases.map((adb) => adb.capabilities.mvt)).toEqual(pair.map((e) => e === 'postgis'));
  });

  it.each(TILES)('decodes tile $z/$x/$y with the same features from both', async (key) => {
    const url = `/tiles/${ALL}/${key.z}/${key.x}/${key.y}.mvt`;
    const [a, b] = await Promise.all([
      getTile(apps[0]!, url, headers[0]),
      getTile(apps[1]!, url, headers[1]),
    ]);
    expect(a.status).toBe(b.status);
    expect(Object.keys(a.tile).length).toBeGreaterThan(0);
    expectSameTile(a.tile, b.tile, url);
  });

  it('holds the same features from both encoders on one database, where ST_AsMVT exists', async () => {
    const adb = databases.find((database) => database.capabilities.mvt) ?? databases[0]!;
    const layers = ALL.split(',') as LayerName[];
    for (const key of TILES) {
      const inNode = decodeTile(await encodeInNode(adb.db, layers, key, {}));
      const reference = adb.capabilities.mvt
        ? decodeTile(await encodeWithPostgis(adb.db, layers, key, {}))
        : inNode;
      expectSameTile(inNode, reference, `${key.z}/${key.x}/${key.y}`);
    }
  }, 120_000); // seven tiles of every layer, twice: ~25 s alone, more beside other suites
});
