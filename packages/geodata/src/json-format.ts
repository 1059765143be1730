import type { FeatureCollection } from 'geojson';

/**
 * Stable, diff-friendly JSON: one record (or feature) per line. The same value always gives
 * the same bytes, which is what the determinism tests compare.
 */
export function formatRecords(records: readonly unknown[]): string {
  if (records.length === 0) return '[]\n';
  return `[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]\n`;
}

export function formatFeatureCollection(collection: FeatureCollection): string {
  const features = collection.features.map((feature) => JSON.stringify(feature)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${features}\n]}\n`;
}

/** Rounds a coordinate to `decimals` places (5 ≈ 1 m), avoiding `-0`. */
export function roundCoordinate(value: number, decimals = 5): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
