import seedrandom from 'seedrandom';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the sample's deterministic UUIDs (uuid v5 of a record's stable key). */
const SAMPLE_NAMESPACE = '5b0f3c4e-7d1a-4c1e-9a57-2f6d3b8e1c90';

/** A record id that depends only on its stable key, e.g. `program:GT-ENF-001`. */
export function stableId(key: string): string {
  return uuidv5(key, SAMPLE_NAMESPACE);
}

/** A seeded random source with the few draws the generators need. */
export class Random {
  private readonly next: () => number;

  constructor(seed: string) {
    this.next = seedrandom(seed);
  }

  /** An independent stream for one generator, so changing one does not shift the others. */
  static stream(seed: string, name: string): Random {
    return new Random(`${seed}:${name}`);
  }

  float(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0);
    let target = this.next() * total;
    for (const item of items) {
      target -= weightOf(item);
      if (target < 0) return item;
    }
    return items[items.length - 1]!;
  }

  /** A normal draw (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `count` distinct items (fewer if the list is shorter), in draw order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    }
    return chosen;
  }

  /** `count` distinct items drawn with probability proportional to their weight. */
  weightedSample<T>(items: readonly T[], count: number, weightOf: (item: T) => number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      const item = this.weighted(pool, weightOf);
      chosen.push(item);
      pool.splice(pool.indexOf(item), 1);
    }
    return chosen;
  }
}
