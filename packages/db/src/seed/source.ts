// The default seed data: the boundary and sample files that @atlas/geodata ships.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BoundaryData, SampleData, SeedData } from './types';

const require = createRequire(import.meta.url);

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(require.resolve(`@atlas/geodata/data/${file}`), 'utf8')) as T;
}

export async function loadSeedData(): Promise<SeedData> {
  const [countries, departments, programs, corridors, communities, incidents, manifest] =
    await Promise.all([
      readJson<BoundaryData['countries']>('boundaries/countries.geojson'),
      readJson<BoundaryData['departments']>('boundaries/departments.geojson'),
      readJson<SampleData['programs']>('sample/programs.json'),
      readJson<SampleData['corridors']>('sample/corridors.json'),
      readJson<SampleData['communities']>('sample/communities.json'),
      readJson<SampleData['incidents']>('sample/incidents.json'),
      readJson<Record<string, unknown>>('sample/manifest.json'),
    ]);
  return {
    boundaries: { countries, departments },
    sample: { programs, corridors, communities, incidents, manifest },
  };
}
