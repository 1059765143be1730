// A throwaway PostgreSQL 15 cluster in a temporary folder on its own port, which a test may
// stop and start at will (never the shared server on 5432). Run as the `postgres` user when
// the tests run as root (CI), since initdb and postgres refuse root.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports';

const run = promisify(execFile);
export const PG_BIN = '/usr/lib/postgresql/15/bin';
/** pg_ctl's own wait for start and stop, in seconds (its default of 60 is short on a busy CI). */
const PG_CTL_WAIT_S = 180;

/** The `postgres` account's uid and gid (looked up, not assumed: images number it differently). */
function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

async function asPostgres(command: string, args: string[]): Promise<string> {
  const [file, argv] =
    userInfo().uid === 0
      ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args]]
      : [join(PG_BIN, command), args];
  const { stdout } = await run(file, argv, { timeout: (PG_CTL_WAIT_S + 30) * 1000 });
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
  if (userInfo().uid === 0) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
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
  const log = join(dir, 'log');
  /** The server log's tail in the error, so a failure on CI says why. */
  const explain = (what: string) => (error: unknown) => {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
    throw new Error(`pg_ctl ${what} failed: ${String(error)}\n${tail}`, { cause: error });
  };
  const wait = ['-w', '-t', String(PG_CTL_WAIT_S)];
  const start = () =>
    asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', log, ...wait, 'start']).then(
      () => undefined,
      explain('start'),
    );
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    asPostgres('pg_ctl', ['-D', data, '-m', mode, ...wait, 'stop']).then(
      () => undefined,
      explain('stop'),
    );
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
