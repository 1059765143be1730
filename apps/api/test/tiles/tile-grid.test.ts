// The tile grid's arithmetic, checked against known Web Mercator values.
import { describe, expect, it } from 'vitest';
import {
  MERCATOR_HALF,
  tileBoxDegrees,
  tileBoxMercator,
  tileKeyProblem,
} from '../../src/routes/tiles/tile-grid';

describe('the WebMercatorQuad grid', () => {
  it('covers the world with the zoom 0 tile', () => {
    expect(tileBoxMercator({ z: 0, x: 0, y: 0 })).toEqual([
      -MERCATOR_HALF,
      -MERCATOR_HALF,
      MERCATOR_HALF,
      MERCATOR_HALF,
    ]);
    const [west, south, east, north] = tileBoxDegrees({ z: 0, x: 0, y: 0 });
    expect([west, east]).toEqual([-180, 180]);
    expect(north).toBeCloseTo(85.0511287798, 8);
    expect(south).toBeCloseTo(-85.0511287798, 8);
  });

  it('numbers rows from the north and grows a tile by its buffer', () => {
    const [west, south, east, north] = tileBoxDegrees({ z: 1, x: 0, y: 1 });
    expect([west, east, north]).toEqual([-180, 0, 0]);
    expect(south).toBeCloseTo(-85.0511287798, 8);
    const plain = tileBoxMercator({ z: 2, x: 1, y: 1 });
    const grown = tileBoxMercator({ z: 2, x: 1, y: 1 }, 64);
    const unit = (plain[2] - plain[0]) / 4096;
    expect(grown[0]).toBeCloseTo(plain[0] - 64 * unit, 6);
    expect(grown[3]).toBeCloseTo(plain[3] + 64 * unit, 6);
  });

  it('names what lies outside the grid', () => {
    expect(tileKeyProblem({ z: 3, x: 7, y: 7 })).toBeNull();
    expect(tileKeyProblem({ z: 3, x: 8, y: 0 })).toMatch(/column 8 is outside zoom 3 \(0\.\.7\)/);
    expect(tileKeyProblem({ z: 3, x: 0, y: 8 })).toMatch(/row 8/);
    expect(tileKeyProblem({ z: 17, x: 0, y: 0 })).toMatch(/zoom 17/);
  });
});
