/**
 * Writes the illustrative sample data set.
 *   pnpm --filter @atlas/geodata build:sample [-- --scale N --seed S --out DIR]
 * Scale 1 with the default seed writes the committed files under data/sample; larger scales
 * (for benchmarks) must go to another folder and are not committed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sampleDir } from '../src/paths';
import { DEFAULT_SEED, generateSample, writeSample } from '../src/sample/generate';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: DEFAULT_SEED },
    out: { type: 'string' },
  },
});

const scale = Number(values.scale);
const out = values.out === undefined ? sampleDir : resolve(process.env.INIT_CWD ?? '.', values.out);
if (out === sampleDir && (scale !== 1 || values.seed !== DEFAULT_SEED)) {
  throw new Error('scaled or re-seeded samples must be written elsewhere: pass --out DIR');
}

const data = generateSample({ seed: values.seed, scale });
writeSample(data, out);
process.stdout.write(`${out}: ${JSON.stringify(data.manifest.counts)}\n`);
