import type { MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { borderCrossings } from '../../src';
import { fixture, withRole } from './fixtures';

describe('borderCrossings (fixture borders-two-squares.geojson)', () => {
  const input = fixture('borders-two-squares.geojson');
  const countries = withRole<Polygon | MultiPolygon>(input, 'country').map((feature) => ({
    code: String(feature.properties.code),
    geometry: feature.geometry,
  }));
  const corridor = withRole<MultiLineString>(input, 'corridor')[0]!.geometry;
  const expected = withRole<Point>(input, 'expected');

  it('finds the one border crossing and not the coastline', () => {
    const crossings = borderCrossings(corridor, countries);
    expect(crossings).toHaveLength(expected.length);
    const [crossing] = crossings;
    expect(crossing!.properties.countries).toEqual(expected[0]!.properties.countries);
    expect(crossing!.geometry.coordinates[0]).toBeCloseTo(1, 9);
    expect(crossing!.geometry.coordinates[1]).toBeCloseTo(0.5, 9);
    expect(crossing!.properties.alongM).toBeCloseTo(
      distance([0.5, 0.5], [1, 0.5], { units: 'meters' }),
      0,
    );
  });

  it('finds none for a corridor inside one country', () => {
    const inside: MultiLineString = {
      type: 'MultiLineString',
      coordinates: [
        [
          [0.2, 0.2],
          [0.8, 0.8],
        ],
      ],
    };
    expect(borderCrossings(inside, countries)).toEqual([]);
  });

  it('orders several crossings along the corridor', () => {
    const zigzag: MultiLineString = {
      type: 'MultiLineString',
      coordinates: [
        [
          [0.5, 0.2],
          [1.5, 0.3],
          [0.5, 0.8],
        ],
      ],
    };
    const crossings = borderCrossings(zigzag, countries);
    expect(crossings).toHaveLength(2);
    expect(crossings[0]!.properties.alongM).toBeLessThan(crossings[1]!.properties.alongM);
    expect(crossings.every((c) => c.properties.countries.join() === 'AA,BB')).toBe(true);
  });
});
