// The API's configuration, read from the environment once at start-up (nothing else reads
// process.env). Invalid values fail fast with every problem listed.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL+PostGIS server; absent = the embedded PGlite in `dataDir`. Never log it. */
  databaseUrl?: string;
  dataDir: string;
  logLevel: LogLevel;
  nodeEnv: NodeEnv;
  /** The built admin app; served at `/` when `serveAdmin` is true. */
  adminDist: string;
  serveAdmin: boolean;
  seed: 'if-empty' | false;
  /** Demo users: 'embedded' = only with the embedded database (the default). */
  demoUsers: boolean | 'embedded';
  demoPassword: string;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** Session cookies without `Secure` (plain-HTTP local use only). */
  insecureCookies: boolean;
  /** Shared store for rate-limit counters across instances; in memory when absent. */
  redisUrl?: string;
  /** Session lifetime in seconds (idle sessions end sooner). */
  sessionTtlSeconds: number;
  /** Mean event-loop delay (ms) above which requests are shed with 503; 0 = never shed. */
  maxEventLoopDelayMs: number;
  /** Login attempts allowed per window, per client address and per e-mail address. */
  loginRateLimit: { perIp: number; perEmail: number; windowMs: number };
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** The workspace root (apps/api/src -> ../../..), so paths do not depend on the cwd. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Relative paths are taken from the repository root (pnpm scripts run in the package folder). */
function repoPath(value: string): string {
  return isAbsolute(value) ? value : resolve(repoRoot, value);
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return fallback;
}

function readPort(value: string | undefined, problems: string[]): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    problems.push(`PORT must be an integer from 0 to 65535 (got "${value}")`);
    return 3000;
  }
  return port;
}

function readHost(value: string | undefined, problems: string[]): string {
  if (value === undefined || value === '') return '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(value)) {
    problems.push(
      `HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (got "${value}")`,
    );
  }
  return value;
}

function readDatabaseUrl(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  // The value may hold a password: describe the problem without repeating it.
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    problems.push('DATABASE_URL is not a valid URL (expected postgres://user@host:5432/database)');
    return undefined;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
    return undefined;
  }
  return value;
}

function readSeed(value: string | undefined, problems: string[]): 'if-empty' | false {
  const seed = oneOf('ATLAS_SEED', value, ['if-empty', 'false'] as const, 'if-empty', problems);
  return seed === 'false' ? false : seed;
}

function readBoolean(
  name: string,
  value: string | undefined,
  fallback: boolean,
  problems: string[],
): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return fallback;
}

function readOrigins(value: string | undefined, problems: string[]): string[] {
  if (value === undefined || value.trim() === '') return [];
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      problems.push(
        `ATLAS_CORS_ORIGINS entries must be origins such as https://atlas.example.org (got "${origin}")`,
      );
    }
  }
  return origins;
}

function readSessionTtl(value: string | undefined, problems: string[]): number {
  if (value === undefined || value === '') return 8 * 3600;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 60 || seconds > 30 * 24 * 3600) {
    problems.push(`ATLAS_SESSION_TTL must be seconds from 60 to 2592000 (got "${value}")`);
    return 8 * 3600;
  }
  return seconds;
}

function readRedisUrl(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return value;
  } catch {
    // reported below, without repeating a value that may hold a password
  }
  problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  return undefined;
}

/** Embedded PGlite runs on the API's own event loop, so a long query there is not overload:
 * shedding is on by default only with a database server. */
function readMaxEventLoopDelay(
  value: string | undefined,
  embedded: boolean,
  problems: string[],
): number {
  if (value === undefined || value === '') return embedded ? 0 : 1000;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms > 60_000) {
    problems.push(
      `ATLAS_MAX_EVENT_LOOP_DELAY_MS must be milliseconds from 0 (off) to 60000 (got "${value}")`,
    );
    return embedded ? 0 : 1000;
  }
  return ms;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Reads and validates the configuration; throws ConfigError listing every problem. */
export function loadConfig(env: Environment): AppConfig {
  const problems: string[] = [];
  const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV, NODE_ENVS, 'development', problems);
  const config: AppConfig = {
    port: readPort(env.PORT, problems),
    host: readHost(env.HOST, problems),
    dataDir: repoPath(env.ATLAS_DATA_DIR || '.atlas-data'),
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'info', problems),
    nodeEnv,
    adminDist: repoPath(env.ATLAS_ADMIN_DIST || 'apps/admin/dist'),
    serveAdmin: nodeEnv === 'production',
    seed: readSeed(env.ATLAS_SEED, problems),
    demoUsers:
      env.ATLAS_DEMO_USERS === undefined || env.ATLAS_DEMO_USERS === ''
        ? 'embedded'
        : readBoolean('ATLAS_DEMO_USERS', env.ATLAS_DEMO_USERS, false, problems),
    demoPassword: env.ATLAS_DEMO_PASSWORD || 'atlas-demo',
    corsOrigins: readOrigins(env.ATLAS_CORS_ORIGINS, problems),
    insecureCookies: false,
    sessionTtlSeconds: readSessionTtl(env.ATLAS_SESSION_TTL, problems),
    loginRateLimit: { perIp: 50, perEmail: 10, windowMs: 15 * 60_000 },
    maxEventLoopDelayMs: 0,
  };
  // Plain-HTTP cookies are the default only when nothing but this machine can reach the API.
  config.insecureCookies = readBoolean(
    'ATLAS_INSECURE_COOKIES',
    env.ATLAS_INSECURE_COOKIES,
    LOOPBACK_HOSTS.has(config.host),
    problems,
  );
  const redisUrl = readRedisUrl(env.REDIS_URL, problems);
  if (redisUrl) config.redisUrl = redisUrl;
  const databaseUrl = readDatabaseUrl(env.DATABASE_URL, problems);
  if (databaseUrl) config.databaseUrl = databaseUrl;
  config.maxEventLoopDelayMs = readMaxEventLoopDelay(
    env.ATLAS_MAX_EVENT_LOOP_DELAY_MS,
    env.DATABASE_URL === undefined || env.DATABASE_URL === '',
    problems,
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
