import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, loadBoundaries, loadSampleData } from '../src';
import { formatSample, generateSample, writeSample } from '../src/sample/generate';

const boundaries = loadBoundaries();
const committed = loadSampleData();

describe('sample generator', () => {
  const first = formatSample(
    generateSample({ seed: committed.manifest.seed, scale: 1, boundaries }),
  );

  it('gives the same bytes for the same seed', () => {
    const second = formatSample(
      generateSample({ seed: committed.manifest.seed, scale: 1, boundaries }),
    );
    expect(second).toEqual(first);
  });

  it('reproduces the committed files', () => {
    for (const [name, text] of Object.entries(first)) {
      expect(text, name).toBe(readFileSync(dataPath('sample', name), 'utf8'));
    }
  });

  it('writes a set that loadSampleData reads back from another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-sample-'));
    try {
      const data = generateSample({ seed: 'round-trip', scale: 1, boundaries });
      writeSample(data, dir);
      expect(loadSampleData(dir)).toEqual(data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives different data for another seed', () => {
    const other = generateSample({ seed: 'another-seed', scale: 1, boundaries });
    expect(other.incidents.map((i) => i.occurredOn)).not.toEqual(
      committed.incidents.map((i) => i.occurredOn),
    );
  });

  it('multiplies programs, sites, communities and incidents with --scale', () => {
    const scaled = generateSample({ seed: committed.manifest.seed, scale: 2, boundaries });
    const counts = committed.manifest.counts;
    expect(scaled.manifest.scale).toBe(2);
    expect(scaled.programs.length).toBe(counts.programs * 2);
    expect(scaled.incidents.length).toBe(counts.incidents * 2);
    expect(scaled.manifest.counts.sites).toBeGreaterThan(counts.sites * 1.5);
    expect(scaled.communities.length).toBeGreaterThan(counts.communities * 1.8);
    expect(scaled.corridors.length).toBe(counts.corridors);
    const committedTotal = scaled.programs
      .flatMap((p) => p.funding)
      .filter((row) => row.stage === 'committed')
      .reduce((sum, row) => sum + row.amountUsd, 0);
    expect(committedTotal).toBe(2 * 165_000_000);
  });
});
