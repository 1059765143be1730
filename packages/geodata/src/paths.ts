import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package's `data/` folder (boundaries and sample files live there as plain files). */
export const dataDir = fileURLToPath(new URL('../data/', import.meta.url));

/** Absolute path of a file or folder under `data/`, e.g. `dataPath('boundaries', 'countries.geojson')`. */
export function dataPath(...segments: string[]): string {
  return join(dataDir, ...segments);
}

export const countriesFile = dataPath('boundaries', 'countries.geojson');
export const departmentsFile = dataPath('boundaries', 'departments.geojson');
export const sampleDir = dataPath('sample');
