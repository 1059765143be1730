// Starts the real entry point (src/server.ts) as a child process, as `pnpm start` would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function startServer(env: Record<string, string>): ChildProcess {
  // Only what the server needs: no DATABASE_URL from the test environment leaks in.
  // `tsx src/server.ts`, as the package's start script runs it (tsx relays signals).
  return spawn(process.execPath, [tsxCli, 'src/server.ts'], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
}

/** Resolves with the URL the server logs once it listens (JSON log lines outside development). */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { url?: string; mode?: string };
      if (entry.url && entry.mode) resolve(entry.url);
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${String(code)} before listening`));
    });
  });
}

describe('the server entry point', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-server-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on an embedded database, becomes ready and exits cleanly on SIGTERM', async () => {
    const child = startServer({
      NODE_ENV: 'test',
      PORT: '0',
      ATLAS_DATA_DIR: dataDir,
      ATLAS_SEED: 'false',
    });
    const exited = exitOf(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const url = await listeningUrl(child);
      const response = await fetch(`${url}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', database: { mode: 'embedded' } });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
  }, 180_000);

  it('refuses to start with an invalid PORT, explaining why', async () => {
    const child = startServer({ PORT: 'eighty', ATLAS_DATA_DIR: dataDir });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toContain('PORT must be an integer from 0 to 65535 (got "eighty")');
  });
});
