// Command-line options of `pnpm bench`.
import { parseArgs } from 'node:util';
import type { Engine } from './environment';

export interface BenchOptions {
  quick: boolean;
  engines: Engine[];
  scales: number[];
  /** Seconds of one load (one side of one round). */
  seconds: number;
  /** Alternating rounds of our endpoint and its reference per case (the ratio is their median). */
  rounds: number;
  connections: number;
  /** Only cases whose id contains this text. */
  only?: string;
  startup: boolean;
  writes: boolean;
  updateBaseline: boolean;
  /** With updateBaseline: keep the less favourable of baseline.json and this run, per ratio. */
  keepWorse: boolean;
  serverUrl: string;
  /** Where the JSON and Markdown results go. */
  out: string;
}

export const USAGE = `pnpm bench [--quick | --long] [options]
  --quick              CI run: server engine, scale 1×, the quick cases, 5 rounds of 0.8 s;
                       fails on a >25% regression of a ratio against baseline.json
  --long               scales 1×, 10× and 100× (100× on the server engine only)
  --engine NAME        embedded or server (default: both; quick: server)
  --scales 1,10        scales of the generated sample
  --seconds N          seconds per load, one side of one round (default 2; quick 0.8)
  --rounds N           alternating rounds per case, ratio = their median (default 3; quick 5)
  --connections N      concurrent connections (default 8)
  --only TEXT          only cases whose id contains TEXT
  --no-startup         skip the start-up / memory measurement
  --update-baseline    write tooling/bench/baseline.json from this run (use with --quick)
  --keep-worse         with --update-baseline: per ratio, keep the less favourable of the
                       committed baseline and this run (record twice: see docs/benchmarks.md)
  --out FILE           results JSON (default tooling/bench/results/latest.json)
Server engine: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else DATABASE_URL, else
postgres://postgres@127.0.0.1:5432/postgres (a database is created and dropped per run).`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      long: { type: 'boolean', default: false },
      engine: { type: 'string' },
      scales: { type: 'string' },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string', default: '8' },
      only: { type: 'string' },
      'no-startup': { type: 'boolean', default: false },
      'update-baseline': { type: 'boolean', default: false },
      'keep-worse': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const engines: Engine[] =
    values.engine === undefined
      ? values.quick
        ? ['server'] // the baseline's engine (see docs/benchmarks.md: why not embedded in CI)
        : ['embedded', 'server']
      : values.engine === 'embedded' || values.engine === 'server'
        ? [values.engine]
        : fail(`--engine must be embedded or server`);
  const defaultScales = values.quick ? [1] : values.long ? [1, 10, 100] : [1, 10];
  const scales = values.scales ? values.scales.split(',').map(Number) : defaultScales;
  if (scales.some((scale) => !Number.isInteger(scale) || scale < 1)) {
    fail('--scales must be whole numbers ≥ 1, e.g. 1,10');
  }
  const seconds = Number(values.seconds ?? (values.quick ? 0.8 : 2));
  const rounds = Number(values.rounds ?? (values.quick ? 5 : 3));
  const connections = Number(values.connections);
  if (!(seconds > 0) || !(connections > 0)) fail('--seconds and --connections must be positive');
  if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds must be a whole number ≥ 1');
  return {
    quick: values.quick,
    engines,
    scales,
    seconds,
    rounds,
    connections,
    ...(values.only ? { only: values.only } : {}),
    startup: !values.quick && !values['no-startup'],
    writes: true,
    updateBaseline: values['update-baseline'],
    keepWorse: values['keep-worse'],
    serverUrl:
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    out: values.out ?? new URL('../results/latest.json', import.meta.url).pathname,
  };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}
