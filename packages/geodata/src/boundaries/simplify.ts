import { createRequire } from 'node:module';
import type { FeatureCollection } from 'geojson';
import type { BoundaryGeometry } from '../types';

/** The one mapshaper function used here (mapshaper has no type declarations). */
interface Mapshaper {
  applyCommands(
    commands: string,
    inputs: Record<string, string>,
  ): Promise<Record<string, string | Uint8Array>>;
}
const mapshaper = createRequire(import.meta.url)('mapshaper') as Mapshaper;

/** Share of vertices kept by the simplification (Visvalingam, mapshaper's default). */
export const KEEP_VERTICES = '20%';
/** Output precision: 4 decimals of a degree, about 11 m. */
export const PRECISION = '0.0001';

export interface SimplifiedLayers {
  departments: FeatureCollection<BoundaryGeometry>;
  countries: FeatureCollection<BoundaryGeometry>;
}

function asText(value: string | Uint8Array | undefined, name: string): string {
  if (value === undefined) throw new Error(`mapshaper produced no ${name}`);
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/**
 * Simplifies the departments as one topology (shared borders stay shared, so neighbours never
 * gap or overlap) and dissolves them into countries from the same simplified arcs, so the two
 * layers line up exactly. `-clean` repairs overlaps and slivers before and after simplifying.
 */
export async function simplifyAndDissolve(
  departments: FeatureCollection<BoundaryGeometry>,
): Promise<SimplifiedLayers> {
  const commands = [
    '-i departments.json',
    '-clean',
    `-simplify ${KEEP_VERTICES} keep-shapes`,
    '-clean',
    '-dissolve country + name=countries',
    `-o format=geojson precision=${PRECISION} target=*`,
  ].join(' ');
  const output = await mapshaper.applyCommands(commands, {
    'departments.json': JSON.stringify(departments),
  });
  return {
    departments: JSON.parse(
      asText(output['departments.json'], 'departments'),
    ) as FeatureCollection<BoundaryGeometry>,
    countries: JSON.parse(
      asText(output['countries.json'], 'countries'),
    ) as FeatureCollection<BoundaryGeometry>,
  };
}
