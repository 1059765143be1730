// Templates are keyed by everything that shapes their content: the migrations, the seed code,
// the sample data and the PGlite version. Change any of them and a new template is built.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

async function hashTree(hash: ReturnType<typeof createHash>, dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).sort();
  } catch {
    hash.update(`missing:${dir}`);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    const content = await readFile(path).catch(() => undefined); // directories
    if (content) hash.update(entry).update(content);
  }
}

export async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  await hashTree(hash, join(packageRoot, 'src/migrations'));
  await hashTree(hash, join(packageRoot, 'src/seed'));
  await hashTree(hash, join(packageRoot, 'node_modules/@atlas/geodata/data'));
  const pglite = await readFile(
    join(packageRoot, 'node_modules/@electric-sql/pglite/package.json'),
    'utf8',
  );
  hash.update((JSON.parse(pglite) as { version: string }).version);
  return hash.digest('hex').slice(0, 16);
}
