import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocator } from '../geo/locator';
import { formatRecords } from '../json-format';
import { loadBoundaries } from '../load';
import type { Boundaries, SampleData } from '../types';
import { generateCommunities } from './communities';
import { generateCorridors } from './corridors';
import { generateIncidents } from './incidents';
import { loadTowns } from './places';
import { generatePrograms } from './programs';
import { createSiteGenerator } from './sites';

export const GENERATOR = '@atlas/geodata scripts/build-sample.ts';
export const DEFAULT_SEED = 'carsi-atlas';
export const SAMPLE_NOTE =
  'Illustrative sample data: the programs, sites, corridors, communities and incidents are ' +
  'invented for demonstration. Figures are scaled to public sources (CARSI fact sheet, ' +
  'GAO-13-771, UNODC) but no record describes a real program or event.';

export interface GenerateOptions {
  seed?: string;
  scale?: number;
  boundaries?: Boundaries;
}

/** The whole sample data set, in memory. Same seed and scale, same data. */
export function generateSample(options: GenerateOptions = {}): SampleData {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error('scale must be a whole number >= 1');
  const boundaries = options.boundaries ?? loadBoundaries();
  const locator = createLocator(boundaries);
  const towns = loadTowns(locator);

  const sitesOf = createSiteGenerator({ seed, towns, boundaries, locator });
  const programs = generatePrograms(seed, scale, sitesOf);
  const corridors = generateCorridors();
  const communities = generateCommunities(seed, scale, towns, locator);
  const incidents = generateIncidents(seed, scale, corridors, communities, towns, locator);
  return {
    programs,
    corridors,
    communities,
    incidents,
    manifest: {
      generator: GENERATOR,
      seed,
      scale,
      counts: {
        programs: programs.length,
        sites: programs.reduce((sum, program) => sum + program.sites.length, 0),
        corridors: corridors.length,
        communities: communities.length,
        incidents: incidents.length,
      },
      note: SAMPLE_NOTE,
    },
  };
}

/** The sample's files as text, keyed by file name. */
export function formatSample(data: SampleData): Record<string, string> {
  return {
    'programs.json': formatRecords(data.programs),
    'corridors.json': formatRecords(data.corridors),
    'communities.json': formatRecords(data.communities),
    'incidents.json': formatRecords(data.incidents),
    'manifest.json': `${JSON.stringify(data.manifest, null, 2)}\n`,
  };
}

export function writeSample(data: SampleData, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(formatSample(data))) {
    writeFileSync(join(dir, name), text);
  }
}
