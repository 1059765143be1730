import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countriesFile, departmentsFile, sampleDir } from './paths';
import type {
  Boundaries,
  CountryCollection,
  DepartmentCollection,
  SampleCommunity,
  SampleCorridor,
  SampleData,
  SampleIncident,
  SampleManifest,
  SampleProgram,
} from './types';

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The committed country and department boundaries (GeoJSON FeatureCollections). */
export function loadBoundaries(): Boundaries {
  return {
    countries: readJson<CountryCollection>(countriesFile),
    departments: readJson<DepartmentCollection>(departmentsFile),
  };
}

/** The sample data set, from the committed files or from another folder written by build:sample. */
export function loadSampleData(dir: string = sampleDir): SampleData {
  return {
    programs: readJson<SampleProgram[]>(join(dir, 'programs.json')),
    corridors: readJson<SampleCorridor[]>(join(dir, 'corridors.json')),
    communities: readJson<SampleCommunity[]>(join(dir, 'communities.json')),
    incidents: readJson<SampleIncident[]>(join(dir, 'incidents.json')),
    manifest: readJson<SampleManifest>(join(dir, 'manifest.json')),
  };
}
