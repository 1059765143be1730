// A throwaway PostgreSQL 15 cluster in a temporary folder on its own port, which a test may
// stop and start at will (never the shared server on 5432). Run as the `postgres` user when
// the tests run as root, since initdb refuses root.
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports';

const run = promisify(execFile);
export const PG_BIN = '/usr/lib/postgresql/15/bin';

async function asPostgres(command: string, args: string[]): Promise<string> {
  const [file, argv] =
    userInfo().uid === 0
      ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args]]
      : [join(PG_BIN, command), args];
  const { stdout } = await run(file, argv, { timeout: 120_000 });
  return stdout;
}

export interface PgCluster {
  port: number;
  /** postgres://postgres@127.0.0.1:port/postgres */
  url: string;
  urlFor(database: string): string;
  /** `fast` aborts open transactions (as a crash or failover does to a client). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-pg-'));
  if (userInfo().uid === 0) chownSync(dir, 101, 104);
  const data = join(dir, 'data');
  const port = await freePort();
  await asPostgres('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=50`;
  const start = () =>
    asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']).then(
      () => undefined,
    );
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']).then(() => undefined);
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    url,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
