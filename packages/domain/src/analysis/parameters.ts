// Request parameters of the analyses, shared by the API (validation, OpenAPI) and the admin app
// (its analysis panel validates with the same schemas).
import Type from 'typebox';
import { HEX_RESOLUTION_MAX, HEX_RESOLUTION_MIN } from './hotspot-cells';

export const RADIUS_KM_MIN = 0.1;
export const RADIUS_KM_MAX = 500;
/** At most this many vertices in a drawn area of interest. */
export const AREA_MAX_VERTICES = 10_000;

/** A radius in kilometres, 0.1–500. */
export function RadiusKm(fallback: number, description: string) {
  return Type.Number({
    minimum: RADIUS_KM_MIN,
    maximum: RADIUS_KM_MAX,
    default: fallback,
    description: `${description} (${RADIUS_KM_MIN}–${RADIUS_KM_MAX} km)`,
  });
}

export const HexResolution = Type.Integer({
  minimum: HEX_RESOLUTION_MIN,
  maximum: HEX_RESOLUTION_MAX,
  default: 5,
  description: `H3 resolution ${HEX_RESOLUTION_MIN}–${HEX_RESOLUTION_MAX} (3: ~12,000 km² cells, 5: ~250 km², 8: ~0.7 km²)`,
});
