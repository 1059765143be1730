import Type from 'typebox';

/**
 * A bounding box [minLon, minLat, maxLon, maxLat] (RFC 7946 §5). minLon > maxLon is allowed: the
 * box then crosses the antimeridian.
 */
export const BBox = Type.Refine(
  Type.Array(Type.Number(), { minItems: 4, maxItems: 4, title: 'BBox' }),
  (box) => bboxProblem(box) === null,
  (box) => bboxProblem(box) ?? 'invalid bbox',
);
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export type ParseBboxResult = { ok: true; bbox: BBox } | { ok: false; reason: string };

function bboxProblem(values: readonly number[]): string | null {
  if (values.length !== 4) return 'bbox needs 4 numbers: minLon,minLat,maxLon,maxLat';
  const [minLon, minLat, maxLon, maxLat] = values as BBox;
  if (!values.every(Number.isFinite)) return 'bbox values must be finite numbers';
  if (Math.abs(minLon) > 180 || Math.abs(maxLon) > 180) {
    return 'bbox longitudes must be within -180..180';
  }
  if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90) {
    return 'bbox latitudes must be within -90..90';
  }
  if (minLat > maxLat) return 'bbox minLat must not be greater than maxLat';
  return null;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses "minLon,minLat,maxLon,maxLat" (as in a `bbox` query parameter). */
export function parseBbox(text: string): ParseBboxResult {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 4) {
    return { ok: false, reason: 'bbox needs 4 numbers: minLon,minLat,maxLon,maxLat' };
  }
  if (!parts.every((part) => NUMBER.test(part))) {
    return { ok: false, reason: 'bbox values must be finite numbers' };
  }
  const values = parts.map(Number);
  const problem = bboxProblem(values);
  return problem ? { ok: false, reason: problem } : { ok: true, bbox: values as BBox };
}

/** True when the box crosses the antimeridian (minLon > maxLon). */
export function bboxCrossesAntimeridian(bbox: BBox): boolean {
  return bbox[0] > bbox[2];
}
