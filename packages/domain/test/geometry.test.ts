import { describe, expect, it } from 'vitest';
import {
  CommunityGeometry,
  CorridorGeometry,
  Geometry,
  IncidentGeometry,
  LineString,
  MultiLineString,
  MultiPoint,
  MultiPolygon,
  Point,
  Polygon,
  SiteGeometry,
  validate,
} from '../src';
import bad from './fixtures/invalid-geometries.json';
import good from './fixtures/valid-geometries.json';

describe('geometry schemas accept valid GeoJSON', () => {
  it.each([
    [Point, good.point],
    [Point, good.point3d],
    [MultiPoint, good.multiPoint],
    [LineString, good.lineString],
    [LineString, good.antimeridianLine],
    [MultiLineString, good.multiLineString],
    [Polygon, good.polygon],
    [MultiPolygon, good.multiPolygon],
  ])('%#: %o', (schema, geometry) => {
    expect(validate(schema, geometry)).toEqual({ ok: true, value: geometry });
  });

  it('unions accept only their members', () => {
    expect(validate(SiteGeometry, good.point).ok).toBe(true);
    expect(validate(SiteGeometry, good.polygon).ok).toBe(true);
    expect(validate(SiteGeometry, good.multiPolygon).ok).toBe(true);
    expect(validate(SiteGeometry, good.lineString).ok).toBe(false);
    expect(validate(CorridorGeometry, good.lineString).ok).toBe(true);
    expect(validate(CorridorGeometry, good.multiLineString).ok).toBe(true);
    expect(validate(CorridorGeometry, good.point).ok).toBe(false);
    expect(validate(CommunityGeometry, good.polygon).ok).toBe(true);
    expect(validate(CommunityGeometry, good.multiPoint).ok).toBe(false);
    expect(validate(IncidentGeometry, good.point).ok).toBe(true);
    expect(validate(IncidentGeometry, good.polygon).ok).toBe(false);
  });
});

describe('geometry schemas reject invalid GeoJSON', () => {
  it.each(Object.entries(bad))('%s', (_name, geometry) => {
    const result = validate(Geometry, geometry);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('rejects %s in a position', (_name, value) => {
    expect(validate(Point, { type: 'Point', coordinates: [value, 14] }).ok).toBe(false);
    expect(validate(Point, { type: 'Point', coordinates: [-90, 14, value] }).ok).toBe(false);
    expect(
      validate(Polygon, {
        type: 'Polygon',
        coordinates: [
          [
            [value, 1],
            [1, 1],
            [1, 0],
            [value, 1],
          ],
        ],
      }).ok,
    ).toBe(false);
  });

  it('explains what is wrong, where', () => {
    expect(validate(SiteGeometry, bad.lonOutOfRange)).toEqual({
      ok: false,
      errors: [{ path: '/coordinates', message: 'longitude must be within -180..180' }],
    });
    expect(validate(SiteGeometry, bad.latOutOfRange)).toEqual({
      ok: false,
      errors: [{ path: '/coordinates', message: 'latitude must be within -90..90' }],
    });
    expect(validate(Polygon, bad.openRing)).toEqual({
      ok: false,
      errors: [
        {
          path: '/coordinates/0',
          message: 'a ring must be closed (first and last positions equal)',
        },
      ],
    });
    expect(validate(Point, bad.extraMember)).toEqual({
      ok: false,
      errors: [{ path: '/properties', message: 'unknown property' }],
    });
    expect(validate(Point, bad.missingCoordinates)).toEqual({
      ok: false,
      errors: [{ path: '/coordinates', message: 'is required' }],
    });
  });

  it('names the allowed types for an unknown type', () => {
    const result = validate(SiteGeometry, bad.wrongType);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '', message: 'type must be one of "Point", "Polygon", "MultiPolygon"' }],
    });
  });

  it('rejects short lines and rings with a minItems error', () => {
    const line = validate(CorridorGeometry, bad.shortLine);
    expect(line.ok).toBe(false);
    if (!line.ok)
      expect(line.errors).toEqual([
        { path: '/coordinates', message: expect.stringMatching(/2/) as unknown },
      ]);
    const ring = validate(Polygon, bad.shortRing);
    expect(ring.ok).toBe(false);
    if (!ring.ok) expect(ring.errors[0]?.path).toBe('/coordinates/0');
  });
});
