import { area, booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { hotspotCells } from '../../src';

const guatemalaCity: [number, number] = [-90.5133, 14.6417];
const sanPedroSula: [number, number] = [-88.025, 15.5];

describe('hotspotCells', () => {
  it('counts both periods per cell and the change', () => {
    const current = [guatemalaCity, guatemalaCity, guatemalaCity, sanPedroSula];
    const previous = [guatemalaCity, sanPedroSula, sanPedroSula];
    const cells = hotspotCells(current, previous, 5).features.map((f) => f.properties);
    expect(cells).toHaveLength(2);
    expect(cells[0]).toMatchObject({ count: 3, previousCount: 1, change: 2, changeRatio: 2 });
    expect(cells[1]).toMatchObject({ count: 1, previousCount: 2, change: -1, changeRatio: -0.5 });
  });

  it('lists cells with incidents only before, with no ratio for new cells', () => {
    const cells = hotspotCells([sanPedroSula], [guatemalaCity], 6).features;
    expect(cells.map((f) => [f.properties.count, f.properties.previousCount])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(cells[0]!.properties.changeRatio).toBeNull();
  });

  it('draws each cell as a closed hexagon containing its incidents', () => {
    for (const resolution of [3, 5, 8]) {
      const [cell] = hotspotCells([guatemalaCity], [], resolution).features;
      const ring = cell!.geometry.coordinates[0]!;
      expect(ring).toHaveLength(7);
      expect(ring[0]).toEqual(ring[6]);
      expect(booleanPointInPolygon(guatemalaCity, cell!)).toBe(true);
      expect(cell!.id).toBe(cell!.properties.cell);
    }
    const [coarse] = hotspotCells([guatemalaCity], [], 3).features;
    const [fine] = hotspotCells([guatemalaCity], [], 8).features;
    expect(area(coarse!) / 1e6).toBeGreaterThan(5_000);
    expect(area(fine!) / 1e6).toBeLessThan(2);
  });
});
