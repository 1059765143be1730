import { distance } from '@turf/turf';
import type { Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { nearestPlaces } from '../../src';

const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0.5, -0.1],
      [0.6, -0.1],
      [0.6, 0.1],
      [0.5, 0.1],
      [0.5, -0.1],
    ],
  ],
};
const places = [
  { geometry: point(0, 0.2), properties: { id: 'north', program: 'p1' } },
  { geometry: point(0, 0.1), properties: { id: 'near', program: 'p1' } },
  { geometry: point(0.3, 0), properties: { id: 'east', program: 'p2' } },
  { geometry: square, properties: { id: 'square', program: 'p3' } },
];

describe('nearestPlaces', () => {
  it('ranks by great-circle distance, polygons by their nearest edge', () => {
    const ranked = nearestPlaces([0, 0], places, { k: 3 });
    expect(ranked.map((f) => f.properties.id)).toEqual(['near', 'north', 'east']);
    expect(ranked.map((f) => f.properties.rank)).toEqual([1, 2, 3]);
    expect(ranked[0]!.properties.distanceM).toBeCloseTo(
      distance([0, 0], [0, 0.1], { units: 'meters' }),
      6,
    );
    const fromInside = nearestPlaces([0.55, 0], places, { k: 1 });
    expect(fromInside[0]!.properties).toMatchObject({ id: 'square', distanceM: 0 });
    const toEdge = nearestPlaces([0.45, 0], [places[3]!], { k: 1 });
    expect(toEdge[0]!.properties.distanceM).toBeCloseTo(
      distance([0.45, 0], [0.5, 0], { units: 'meters' }),
      0,
    );
  });

  it('keeps one place per group and honours the maximum distance', () => {
    const perProgram = nearestPlaces([0, 0], places, { k: 5, groupBy: (p) => p.program });
    expect(perProgram.map((f) => f.properties.id)).toEqual(['near', 'east', 'square']);
    const within = nearestPlaces([0, 0], places, { k: 5, maxDistanceM: 15_000 });
    expect(within.map((f) => f.properties.id)).toEqual(['near']);
    expect(nearestPlaces([0, 0], [], { k: 5 })).toEqual([]);
  });
});
