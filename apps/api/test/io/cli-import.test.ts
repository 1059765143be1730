// `atlas import` (the CLI's command function, in-process on each engine): preview, commit,
// progress lines, exit code on problems; and a streaming import of 100,000 incidents whose heap
// growth stays under a bound. The 100k import runs on PostGIS only: on the embedded PGlite
// (single-threaded WASM in this process, on a shared 2-core machine) it takes many minutes.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, UsageError, type CommandIo } from '../../src/cli/commands';
import { counts } from './support';

// The memory bound is on the live heap: collect garbage before measuring (V8's own gc, exposed
// at run time so the test needs no special node flags).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function capture(): CommandIo & { lines: string[]; progressLines: string[] } {
  const lines: string[] = [];
  const progressLines: string[] = [];
  return {
    lines,
    progressLines,
    out: (line) => {
      lines.push(line);
    },
    progress: (line) => {
      progressLines.push(line);
    },
    readStdin: () => Promise.resolve(''),
  };
}

describe.each(testEngines())('atlas import on %s', (engine) => {
  let adb: AtlasDatabase;
  let dir: string;
  const email = 'importer@test.example.org';

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: false });
    await adb.db
      .insertInto('users')
      .values({ email, name: 'Importer', role: 'coordinator', countries: ['GT', 'HN'] })
      .execute();
    dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  }, 300_000);

  afterAll(async () => {
    await adb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const atlas = (args: string[], io = capture()) =>
    runCommand(() => Promise.resolve(adb.db), args, io).then(() => io);
  const base = (file: string) => [
    'import',
    join(FIXTURES, file),
    '--collection',
    'incidents',
    '--source',
    'unodc-cli',
    '--as',
    email,
    '--map',
    'externalId=record_id',
  ];

  it('previews, then commits as the named user', async () => {
    const preview = await atlas(base('incidents-unodc.csv'));
    expect(preview.lines[0]).toBe(
      'preview: 4 rows, 4 to create, 0 to update, 0 unchanged, 0 problems',
    );
    expect(preview.progressLines.at(-1)).toMatch(/^4 rows read/);
    expect(await counts(adb, 'incidents', 'incident')).toEqual({ rows: 0, audits: 0 });
    const commit = await atlas([...base('incidents-unodc.csv'), '--commit']);
    expect(commit.lines[0]).toMatch(/^imported: 4 rows, 4 to create/);
    const actors = await adb.db
      .selectFrom('auditEvents')
      .select('actorLabel')
      .distinct()
      .where('entityType', '=', 'incident')
      .execute();
    expect(actors).toEqual([{ actorLabel: email }]);
  });

  it('sets the exit code and lists problems when rows are out of scope', async () => {
    const io = await atlas([
      'import',
      join(FIXTURES, 'communities.geojson'),
      '--collection',
      'communities',
      '--source',
      'pnc',
      '--as',
      email,
      '--commit',
    ]);
    expect(io.exitCode).toBe(1);
    expect(io.lines[0]).toMatch(/^NOT imported/);
    expect(io.lines[1]).toMatch(/^ {2}row 1, scope: SV is outside your country scope/);
  });

  it('explains usage errors', async () => {
    await expect(atlas(['import', 'x.csv', '--collection', 'boats'])).rejects.toThrow(UsageError);
    await expect(
      atlas(['import', 'x.txt', '--collection', 'incidents', '--source', 's', '--as', email]),
    ).rejects.toThrow(/--format must be one of/);
  });

  if (engine === 'postgis') {
    it(
      'streams 100,000 incidents in one transaction within a memory bound',
      { timeout: 900_000 },
      async () => {
        const file = join(dir, 'incidents-100k.csv');
        await writeIncidents(file, 100_000);
        collectGarbage();
        const heapBefore = process.memoryUsage().heapUsed;
        let heapPeak = heapBefore;
        const io = capture();
        const progress = io.progress!;
        io.progress = (line) => {
          collectGarbage(); // the live heap, not garbage not yet collected
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
          progress(line);
        };
        await atlas(
          [
            'import',
            file,
            '--collection',
            'incidents',
            '--source',
            'archive',
            '--as',
            email,
            '--commit',
          ],
          io,
        );
        expect(io.lines[0]).toBe(
          'imported: 100000 rows, 100000 to create, 0 to update, 0 unchanged, 0 problems',
        );
        expect(io.progressLines.length).toBeGreaterThanOrEqual(200); // one line per batch of 500
        expect(await counts(adb, 'incidents', 'incident')).toMatchObject({ rows: 100_004 });
        // The file is ~11 MB; as parsed rows it would take several times that. The import keeps
        // one batch at a time, so the heap grows far less (generous bound: 64 MiB).
        const growth = heapPeak - heapBefore;
        expect(growth).toBeLessThan(64 * 1024 * 1024);
      },
    );
  }
});

async function writeIncidents(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>((resolve) => {
      if (out.write(text)) resolve();
      else
        out.once('drain', () => {
          resolve();
        });
    });
  await write('id,kind,occurred_on,country,threat,quantity,unit,lon,lat,source\n');
  for (let index = 0; index < count; index += 1) {
    const country = index % 2 === 0 ? 'GT' : 'HN';
    const [lon, lat] = country === 'GT' ? [-90.5, 14.6] : [-87.2, 14.1];
    const day = String((index % 28) + 1).padStart(2, '0');
    await write(
      `ARCH-${index},seizure,2014-02-${day},${country},narcotics,${index % 500},kg,` +
        `${(lon + (index % 1000) / 10000).toFixed(4)},${(lat + (index % 777) / 10000).toFixed(4)},` +
        `National seizure archive 2014\n`,
    );
  }
  await new Promise<void>((resolve, reject) => {
    out.end((error?: Error | null) => {
      if (error) reject(error);
      else resolve();
    });
  });
}
