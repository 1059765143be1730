import { describe, expect, it } from 'vitest';
import { BBox, bboxCrossesAntimeridian, parseBbox, validate } from '../src';

describe('parseBbox', () => {
  it('parses four numbers', () => {
    expect(parseBbox('-92.5,7.0,-77.0,18.5')).toEqual({ ok: true, bbox: [-92.5, 7, -77, 18.5] });
    expect(parseBbox(' -92 , 7 , -77 , 18 ')).toEqual({ ok: true, bbox: [-92, 7, -77, 18] });
    expect(parseBbox('-180,-90,180,90')).toEqual({ ok: true, bbox: [-180, -90, 180, 90] });
  });

  it('allows boxes across the antimeridian', () => {
    const result = parseBbox('170,-10,-170,10');
    expect(result).toEqual({ ok: true, bbox: [170, -10, -170, 10] });
    if (result.ok) expect(bboxCrossesAntimeridian(result.bbox)).toBe(true);
  });

  it.each([
    ['', /4 numbers/],
    ['1,2,3', /4 numbers/],
    ['1,2,3,4,5', /4 numbers/],
    ['a,2,3,4', /finite/],
    ['1,,3,4', /finite/],
    ['NaN,2,3,4', /finite/],
    ['Infinity,2,3,4', /finite/],
    ['0x10,2,3,4', /finite/],
    ['-181,0,0,1', /longitudes/],
    ['0,0,180.5,1', /longitudes/],
    ['0,-91,1,1', /latitudes/],
    ['0,10,1,5', /minLat/],
  ])('rejects %j', (text, reason) => {
    const result = parseBbox(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('BBox schema', () => {
  it('checks the same rules', () => {
    expect(validate(BBox, [-92, 7, -77, 18]).ok).toBe(true);
    expect(validate(BBox, [170, -10, -170, 10]).ok).toBe(true);
    expect(validate(BBox, [0, 10, 1, 5]).ok).toBe(false);
    expect(validate(BBox, [0, 1, 2]).ok).toBe(false);
  });
});
