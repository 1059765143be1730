import fc from 'fast-check';
import type { Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  boundingCap,
  coverageGaps,
  distanceToPlaceM,
  measureLine,
  placeDistanceLowerBoundM,
  placeDistanceM,
  positionAlong,
  reachAlongSegment,
  type PlaceGeometry,
} from '../../src';
import { destination, distance } from '@turf/turf';

/** A point in Central America. */
const position = fc.tuple(
  fc.double({ min: -92, max: -78, noNaN: true }),
  fc.double({ min: 8, max: 18, noNaN: true }),
);

/** A simple (star-shaped) polygon of 3–12 vertices up to 30 km from a centre. */
const polygon: fc.Arbitrary<Polygon> = fc
  .tuple(
    position,
    fc.array(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 200, max: 30_000 })),
      {
        minLength: 3,
        maxLength: 12,
      },
    ),
  )
  .map(([centre, spokes]) => {
    const ring = spokes
      .map(([turn, metres], index) => [(index + turn) / spokes.length, metres] as const)
      .map(
        ([turn, metres]) =>
          destination(centre, metres, turn * 360 - 180, { units: 'meters' }).geometry.coordinates,
      );
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  });

const place: fc.Arbitrary<PlaceGeometry> = fc.oneof(
  polygon,
  position.map((coordinates): Point => ({ type: 'Point', coordinates })),
);

describe('boundingCap', () => {
  it('holds every vertex of the place', () => {
    fc.assert(
      fc.property(polygon, (shape) => {
        const cap = boundingCap(shape);
        for (const vertex of shape.coordinates[0]!) {
          expect(distance(cap.centre, vertex, { units: 'meters' })).toBeLessThanOrEqual(
            cap.radiusM,
          );
        }
      }),
    );
  });

  it('bounds the exact distance between two places from below, exactly for two points', () => {
    fc.assert(
      fc.property(place, place, (a, b) => {
        const bound = placeDistanceLowerBoundM(a, b);
        const exact = placeDistanceM(a, b);
        expect(bound).toBeLessThanOrEqual(exact + 1e-6);
        if (a.type === 'Point' && b.type === 'Point') expect(bound).toBe(exact);
      }),
    );
  });
});

describe('pruned measurements', () => {
  it('coverageGaps finds the same nearest distance as measuring every site', () => {
    fc.assert(
      fc.property(place, fc.array(place, { minLength: 1, maxLength: 15 }), (community, shapes) => {
        const sites = shapes.map((geometry, index) => ({ geometry, properties: { index } }));
        const [gap] = coverageGaps(
          [{ geometry: community, properties: { population: 1, homicideRate: 1 } }],
          sites,
          0,
        ).gaps;
        const exhaustive = Math.min(...shapes.map((shape) => placeDistanceM(community, shape)));
        if (exhaustive === 0) return; // covered even at radius 0: no gap to compare
        expect(gap!.properties.nearestSite!.distanceM).toBe(exhaustive);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('a polygon reaches exactly the stretches of a segment whose points are within the radius', () => {
    fc.assert(
      fc.property(
        position,
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 1_000, max: 120_000 }),
        polygon,
        fc.integer({ min: 1_000, max: 20_000 }),
        (from: Position, heading, lengthM, shape, radiusM) => {
          const to = destination(from, lengthM, heading, { units: 'meters' }).geometry.coordinates;
          const [segment] = measureLine({ type: 'LineString', coordinates: [from, to] }).parts[0]!
            .segments;
          const reached = reachAlongSegment(segment!, shape, radiusM);
          // Probe 200 positions; those clear of an interval's ends must agree with the radius.
          for (let i = 0; i <= 200; i += 1) {
            const m = (segment!.lengthM * i) / 200;
            const inReach = reached.some(([a, b]) => m >= a && m <= b);
            const nearEnd = reached.some(([a, b]) => Math.abs(m - a) < 1 || Math.abs(m - b) < 1);
            const withinM = distanceToPlaceM(positionAlong(segment!, m), shape);
            if (!nearEnd && Math.abs(withinM - radiusM) > 1)
              expect(inReach).toBe(withinM <= radiusM);
          }
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  });
});
