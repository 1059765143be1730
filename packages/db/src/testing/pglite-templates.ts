// PGlite templates: a migrated and a seeded database, each saved with dumpDataDir('gzip') in
// the OS temp folder, so a test starts in ~2 s instead of booting and migrating PGlite.
import { randomUUID } from 'node:crypto';
import {
  access,
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbedded } from '../connection/embedded';
import { createKysely } from '../connection/kysely';
import { silentLogger } from '../connection/logger';
import { createPool } from '../connection/pool';
import { migrateToLatest } from '../migrate';
import { seedIfEmpty } from '../seed';

export interface PgliteTemplatePaths {
  migrated: string;
  /** The seeded archive, or why it could not be built (reported when a test asks for it). */
  seeded: string | { error: string };
}

const templateDir = join(tmpdir(), 'atlas-db-templates');

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(path: string, blob: Blob): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, Buffer.from(await blob.arrayBuffer()));
  await rename(temporary, path);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes other keys' archives once they are a day old (a concurrent run may still use newer ones). */
async function removeStaleTemplates(key: string): Promise<void> {
  for (const name of await readdir(templateDir)) {
    if (name.includes(key)) continue;
    const path = join(templateDir, name);
    const { mtimeMs } = await stat(path);
    if (Date.now() - mtimeMs > DAY_MS) await unlink(path).catch(() => undefined);
  }
}

export async function ensurePgliteTemplates(key: string): Promise<PgliteTemplatePaths> {
  const paths = {
    migrated: join(templateDir, `pglite-${key}-migrated.tar.gz`),
    seeded: join(templateDir, `pglite-${key}-seeded.tar.gz`),
  };
  if ((await exists(paths.migrated)) && (await exists(paths.seeded))) return paths;
  let seedError: string | undefined;

  await mkdir(templateDir, { recursive: true });
  await removeStaleTemplates(key);
  const embedded = await startEmbedded({});
  const db = createKysely(
    createPool({
      host: embedded.host,
      port: embedded.port,
      max: 1,
      keepIdle: true,
      logger: silentLogger,
    }),
  );
  try {
    await migrateToLatest(db);
    await embedded.pglite.exec('CHECKPOINT');
    await writeAtomically(paths.migrated, await embedded.pglite.dumpDataDir('gzip'));
    try {
      const result = await seedIfEmpty(db);
      if (!result.seeded) throw new Error(result.reason);
      await embedded.pglite.exec('CHECKPOINT');
      await writeAtomically(paths.seeded, await embedded.pglite.dumpDataDir('gzip'));
    } catch (error) {
      seedError = `seeding the PGlite test template failed: ${errorMessage(error)}`;
    }
  } finally {
    await db.destroy();
    await embedded.stop();
  }
  return seedError ? { migrated: paths.migrated, seeded: { error: seedError } } : paths;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function readTemplate(path: string | { error: string }): Promise<Blob> {
  if (typeof path !== 'string') throw new Error(path.error);
  return new Blob([await readFile(path)]);
}
