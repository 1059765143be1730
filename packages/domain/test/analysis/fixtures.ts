// Reads the GeoJSON fixtures of the analysis tests.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { readFileSync } from 'node:fs';

export function fixture(name: string): FeatureCollection<Geometry, Record<string, unknown>> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as never;
}

export function withRole<G extends Geometry>(
  collection: FeatureCollection<Geometry, Record<string, unknown>>,
  role: string,
): Feature<G, Record<string, unknown>>[] {
  return collection.features.filter((feature) => feature.properties.role === role) as never;
}
