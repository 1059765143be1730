import type { LngLatBoundsLike } from 'maplibre-gl';

/** The region of the atlas: the US Southwest border to Panama and the Caribbean littoral. */
export const REGION_BOUNDS: LngLatBoundsLike = [
  [-118, 7],
  [-77, 34],
];

/** How far the user may pan: the region with a margin, so the map never drifts off to Asia. */
export const PAN_BOUNDS: [number, number, number, number] = [-140, -5, -55, 45];
