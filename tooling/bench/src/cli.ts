// `pnpm bench`: every case on every engine and scale, then writes, then start-up and memory;
// prints Markdown tables and, with --quick, checks the ratios against baseline.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { baselineKey, readBaseline, regression, TOLERANCE, writeBaseline } from './baseline';
import { allCases } from './cases';
import { NotAvailable } from './cases/types';
import { openEnvironment, type Engine } from './environment';
import { measureStartup, type StartupResult } from './measure/startup';
import { measureWrites } from './measure/writes';
import { parseOptions } from './options';
import { casesTable, startupTable } from './report';
import { runCase, type CaseResult } from './run-case';

const log = (line: string) => process.stderr.write(`${line}\n`);

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const settings = { connections: options.connections, seconds: options.seconds };
  const cases = allCases.filter(
    (bench) =>
      (!options.quick || bench.quick) && (!options.only || bench.id.includes(options.only)),
  );
  const results: CaseResult[] = [];
  const unavailable = new Set<string>();
  const seeds: { engine: Engine; scale: number; seconds: number; counts: object }[] = [];

  for (const scale of options.scales) {
    for (const engine of options.engines) {
      // 100× on the embedded engine takes long to seed and is not what it is for.
      if (engine === 'embedded' && scale >= 100) continue;
      log(`— ${engine}, ${scale}×: opening and seeding…`);
      const env = await openEnvironment(engine, scale, options.serverUrl);
      seeds.push({ engine, scale, seconds: env.seedSeconds, counts: env.counts });
      try {
        for (const bench of cases) {
          if (bench.maxScale !== undefined && scale > bench.maxScale) continue;
          try {
            const result = await runCase(env, bench, settings);
            results.push(result);
            log(`  ${bench.id}: p50 ${result.http.p50Ms} ms, ratio ${result.ratio?.value ?? '—'}`);
          } catch (error) {
            if (!(error instanceof NotAvailable)) throw error;
            unavailable.add(`${bench.id} (${error.message})`);
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
    `Machine: ${machine()}. Date: ${date}. Load: ${settings.connections} connections, ${settings.seconds} s per measurement.`,
    '',
    casesTable(results),
    ...(startups.length ? ['', startupTable(startups)] : []),
    ...(unavailable.size
      ? ['', `Not measured (route not available): ${[...unavailable].join(', ')}`]
      : []),
  ].join('\n');
  process.stdout.write(`${report}\n`);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(
    options.out,
    `${JSON.stringify({ machine: machine(), date, settings, seeds, results, startups }, null, 2)}\n`,
  );
  writeFileSync(options.out.replace(/\.json$/, '.md'), `${report}\n`);

  if (options.updateBaseline) {
    const ratios = Object.fromEntries(
      results.flatMap((result) => (result.ratio ? [[baselineKey(result), result.ratio]] : [])),
    );
    writeBaseline({ machine: machine(), date, settings, ratios });
    log('baseline.json updated');
    return;
  }
  if (options.quick) await checkBaseline(results, settings);
}

/** Fails on a regression; a case that regresses is measured once more first (shared machines). */
async function checkBaseline(
  results: CaseResult[],
  settings: { connections: number; seconds: number },
): Promise<void> {
  const baseline = readBaseline();
  if (!baseline)
    throw new Error('tooling/bench/baseline.json is missing: run with --update-baseline');
  const suspects = results.filter((result) => regression(baseline, result));
  const failures: string[] = [];
  const byEnvironment = new Map<string, CaseResult[]>();
  for (const suspect of suspects) {
    const key = `${suspect.engine}/${suspect.scale}`;
    byEnvironment.set(key, [...(byEnvironment.get(key) ?? []), suspect]);
  }
  for (const group of byEnvironment.values()) {
    const first = group[0];
    if (!first) continue;
    log(`— re-measuring ${group.length} suspect case(s) on ${first.engine}, ${first.scale}×`);
    const env = await openEnvironment(first.engine, first.scale, parseOptions([]).serverUrl);
    try {
      for (const suspect of group) {
        const again =
          suspect.id === 'writes.programs.patch'
            ? await measureWrites(env, settings)
            : await runCase(
                env,
                allCases.find((bench) => bench.id === suspect.id)!,
                settings,
              );
        const reason = regression(baseline, again);
        if (reason) failures.push(reason);
      }
    } finally {
      await env.close();
    }
  }
  if (failures.length > 0) {
    log(`Benchmark regressions:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    log(
      `No regression beyond ${TOLERANCE * 100}% against baseline.json (${Object.keys(baseline.ratios).length} ratios).`,
    );
  }
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
