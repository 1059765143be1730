import type { SampleCorridor } from '../types';
import { corridorRoutes } from './corridor-routes';
import { roundPosition } from './geometry';
import { stableId } from './prng';

/** The hand-drawn corridors as records (the same at every seed and scale). */
export function generateCorridors(): SampleCorridor[] {
  return corridorRoutes.map((route) => {
    const paths = route.paths.map((path) => path.map(roundPosition));
    return {
      id: stableId(`corridor:${route.key}`),
      name: route.name,
      mode: route.mode,
      threats: route.threats,
      confidence: route.confidence,
      source: `Illustrative geometry; route after ${route.source}`,
      validFrom: route.validFrom,
      validTo: route.validTo,
      geometry:
        paths.length === 1
          ? { type: 'LineString', coordinates: paths[0]! }
          : { type: 'MultiLineString', coordinates: paths },
      description: route.description,
      illustrative: true,
    };
  });
}
