// The pg Pool both modes use, with the type parsing the `Database` interface promises.
import pg from 'pg';
import type { DbLogger } from './logger';

const INT8_OID = 20;
const DATE_OID = 1082;

function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`bigint ${value} does not fit a JavaScript number exactly`);
  }
  return parsed;
}

function parseDate(value: string): string {
  // Dates stay 'YYYY-MM-DD' strings: no time zone shift through a JS Date.
  return value;
}

// pg's own parsers for every other type (the typings only accept its enum of built-in oids).
const defaultTypeParser = pg.types.getTypeParser as (oid: number, format: string) => unknown;

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (oid === INT8_OID) return parseInt8;
    if (oid === DATE_OID) return parseDate;
    return defaultTypeParser(oid, format ?? 'text');
  },
};

export interface PoolOptions {
  connectionString?: string;
  host?: string;
  port?: number;
  max: number;
  statementTimeoutMs?: number;
  /** Never close idle connections (embedded mode: the socket accepts one at a time). */
  keepIdle?: boolean;
  logger: DbLogger;
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    host: options.host,
    port: options.port,
    ...(options.connectionString ? {} : { user: 'postgres', database: 'postgres' }),
    max: options.max,
    types: typeParsers,
    ...(options.keepIdle ? { idleTimeoutMillis: 0 } : {}),
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    // No JIT on a server: compiling a costly plan took ~450 ms of a 1.3 s coverage analysis at
    // 100× and never paid back on this API's short queries (PGlite has no JIT). A DATABASE_URL
    // with its own `options` keeps them.
    // TCP keep-alive: a server that vanished without closing (a dead network) is noticed by the
    // OS instead of leaving a connection waiting forever.
    keepAlive: true,
    ...(options.connectionString && !/[?&]options=/.test(options.connectionString)
      ? { options: '-c jit=off' }
      : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => {
    options.logger.warn({ err: error }, 'database connection error on an idle client');
  });
  // The pool stops listening to a client while it is checked out, and an 'error' event with no
  // listener crashes the process: a connection reset mid-query (failover, restart, network)
  // must only fail that query (503), and the pool then drops the broken client.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      options.logger.warn({ err: error }, 'database connection lost during a query');
    });
  });
  return pool;
}
