// The default seed data: the boundaries and the sample data set that @atlas/geodata ships.
import { loadBoundaries, loadSampleData } from '@atlas/geodata';
import type { SeedData } from './types';

export function loadSeedData(): Promise<SeedData> {
  return Promise.resolve({
    boundaries: loadBoundaries(),
    sample: { ...loadSampleData() },
  });
}
