// The API as its own process (`src/server.ts`, as `pnpm start` runs it): start it, wait for
// readiness, read its RSS, stop it with SIGTERM. Used for start-up times and memory under load.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SERVER_ENTRY = fileURLToPath(
  new URL('../../../../apps/api/src/server.ts', import.meta.url),
);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface ApiProcess {
  child: ChildProcess;
  origin: string;
  /** Milliseconds from spawn to the first 200 of /health/ready. */
  readyMs: number;
  stderr: () => string;
  /** SIGTERM; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

export async function startApi(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ApiProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      FASTIFY_AUTOLOAD_TYPESCRIPT: '1',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited during start-up: ${stderr}`);
    if (performance.now() - started > timeoutMs) {
      await stop('SIGKILL');
      throw new Error(`the API was not ready within ${timeoutMs} ms: ${stderr}`);
    }
    try {
      const response = await fetch(`${origin}/health/ready`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, origin, readyMs: performance.now() - started, stderr: () => stderr, stop };
}
