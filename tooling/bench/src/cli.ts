// `pnpm bench`: every case on every engine and scale, then writes, then start-up and memory;
// prints Markdown tables and, with --quick, checks the ratios against baseline.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import {
  baselineKey,
  keepWorse,
  readBaseline,
  TOLERANCE,
  writeBaseline,
  type Baseline,
} from './baseline';
import { allCases } from './cases';
import { NotAvailable } from './cases/types';
import { openEnvironment, type Engine } from './environment';
import { measureStartup, type StartupResult } from './measure/startup';
import { measureWrites } from './measure/writes';
import { parseOptions } from './options';
import { casesTable, startupTable } from './report';
import { confirmRegressions, requireBaseline } from './regression';
import { runCase, type CaseResult } from './run-case';

const log = (line: string) => process.stderr.write(`${line}\n`);

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const settings = {
    connections: options.connections,
    seconds: options.seconds,
    rounds: options.rounds,
  };
  const cases = allCases.filter(
    (bench) =>
      (!options.quick || bench.quick) && (!options.only || bench.id.includes(options.only)),
  );
  // --quick checks against the baseline as it goes (suspects are measured again in their own
  // environment); --update-baseline writes a new one instead.
  const baseline = options.quick && !options.updateBaseline ? requireBaseline() : undefined;
  const failures: string[] = [];
  const results: CaseResult[] = [];
  const unavailable = new Set<string>();
  const broken: string[] = [];
  const seeds: { engine: Engine; scale: number; seconds: number; counts: object }[] = [];

  for (const scale of options.scales) {
    for (const engine of options.engines) {
      // 100× on the embedded engine takes long to seed and is not what it is for.
      if (engine === 'embedded' && scale >= 100) continue;
      log(`— ${engine}, ${scale}×: opening and seeding…`);
      const env = await openEnvironment(engine, scale, options.serverUrl);
      seeds.push({ engine, scale, seconds: env.seedSeconds, counts: env.counts });
      const measuredBefore = results.length;
      try {
        for (const bench of cases) {
          if (bench.maxScale !== undefined && scale > bench.maxScale) continue;
          try {
            const result = await runCase(env, bench, settings);
            results.push(result);
            log(`  ${bench.id}: p50 ${result.http.p50Ms} ms, ratio ${result.ratio?.value ?? '—'}`);
          } catch (error) {
            if (error instanceof NotAvailable) unavailable.add(`${bench.id} (${error.message})`);
            // A case that cannot be measured (e.g. an analysis past its timeout at 100×) is
            // reported and the run goes on; --quick still fails on it.
            else broken.push(`${bench.id} at ${engine} ${scale}×: ${errorText(error)}`);
          }
        }
        if (options.writes && (!options.only || 'writes'.includes(options.only))) {
          const writes = await measureWrites(env, settings);
          results.push(writes);
          log(`  writes: ${writes.http.perSecond}/s`);
        }
      } finally {
        await env.close();
      }
      if (baseline) {
        const mine = results.slice(measuredBefore);
        const reopen = () => openEnvironment(engine, scale, options.serverUrl);
        failures.push(...(await confirmRegressions(reopen, baseline, mine, settings)));
      }
    }
  }

  const startups: StartupResult[] = [];
  if (options.startup) {
    for (const engine of options.engines) {
      log(`— ${engine}: first start, warm restart, memory under load…`);
      startups.push(await measureStartup(engine, options.serverUrl, options.seconds));
    }
  }

  const date = new Date().toISOString();
  const report = [
    `Machine: ${machine()}. Date: ${date}. Load: ${settings.connections} connections; per case ${settings.rounds} alternating rounds of ${settings.seconds} s for ours and ${settings.seconds} s for the reference, ratio = median of the rounds.`,
    '',
    casesTable(results),
    ...(startups.length ? ['', startupTable(startups)] : []),
    ...(unavailable.size
      ? ['', `Not measured (route not available): ${[...unavailable].join(', ')}`]
      : []),
    ...(broken.length ? ['', 'Failed (not measured):', ...broken.map((line) => `- ${line}`)] : []),
  ].join('\n');
  process.stdout.write(`${report}\n`);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(
    options.out,
    `${JSON.stringify({ machine: machine(), date, settings, seeds, results, broken, startups }, null, 2)}\n`,
  );
  writeFileSync(options.out.replace(/\.json$/, '.md'), `${report}\n`);

  if (broken.length > 0 && options.quick) {
    log(`Cases that could not be measured:\n  ${broken.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  if (options.updateBaseline) {
    const measured: Baseline['ratios'] = Object.fromEntries(
      results.flatMap((result) => (result.ratio ? [[baselineKey(result), result.ratio]] : [])),
    );
    const previous = options.keepWorse ? readBaseline() : undefined;
    const ratios = previous ? keepWorse(previous.ratios, measured) : measured;
    const dates = previous ? `${previous.date} and ${date}` : date;
    writeBaseline({ machine: machine(), date: dates, settings, ratios });
    log(
      `baseline.json updated${previous ? ' (per ratio, the less favourable of the old baseline and this run)' : ''}`,
    );
    return;
  }
  if (!baseline) return;
  if (failures.length > 0) {
    log(`Benchmark regressions (each measured twice):\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    const checked = results.filter((result) => baseline.ratios[baselineKey(result)]).length;
    log(
      `No regression beyond ${TOLERANCE * 100}% against baseline.json (${checked} ratios checked).`,
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
