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

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The committed country and department boundaries (GeoJSON FeatureCollections). */
export function loadBoundaries(): Boundaries {
  return {
    countries: readJson(countriesFile) as CountryCollection,
    departments: readJson(departmentsFile) as DepartmentCollection,
  };
}

/** The sample data set, from the committed files or from another folder written by build:sample. */
export function loadSampleData(dir: string = sampleDir): SampleData {
  return {
    programs: readJson(join(dir, 'programs.json')) as SampleProgram[],
    corridors: readJson(join(dir, 'corridors.json')) as SampleCorridor[],
    communities: readJson(join(dir, 'communities.json')) as SampleCommunity[],
    incidents: readJson(join(dir, 'incidents.json')) as SampleIncident[],
    manifest: readJson(join(dir, 'manifest.json')) as SampleManifest,
  };
}
