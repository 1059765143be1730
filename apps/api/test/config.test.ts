import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from '../src/config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      nodeEnv: 'development',
      seed: 'if-empty',
      serveAdmin: false,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(join(repoRoot, '.atlas-data'));
    expect(config.adminDist).toBe(join(repoRoot, 'apps/admin/dist'));
  });

  it('finds the repository root from its own location', () => {
    expect(join(repoRoot, 'apps/api/src/config.ts')).toBe(
      new URL('../src/config.ts', import.meta.url).pathname,
    );
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://atlas@db.example:5432/atlas',
      ATLAS_DATA_DIR: '/var/lib/atlas',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ATLAS_ADMIN_DIST: 'build/admin',
      ATLAS_SEED: 'false',
      ATLAS_DEMO_USERS: 'true',
      ATLAS_DEMO_PASSWORD: 'demo-password-1',
      ATLAS_CORS_ORIGINS: 'https://a.example.org, http://localhost:5173',
      ATLAS_INSECURE_COOKIES: 'false',
      REDIS_URL: 'redis://cache:6379',
      ATLAS_SESSION_TTL: '3600',
      ATLAS_MAX_EVENT_LOOP_DELAY_MS: '750',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://atlas@db.example:5432/atlas',
      dataDir: '/var/lib/atlas',
      logLevel: 'warn',
      nodeEnv: 'production',
      adminDist: join(repoRoot, 'build/admin'),
      serveAdmin: true,
      seed: false,
      demoUsers: true,
      demoPassword: 'demo-password-1',
      corsOrigins: ['https://a.example.org', 'http://localhost:5173'],
      insecureCookies: false,
      redisUrl: 'redis://cache:6379',
      sessionTtlSeconds: 3600,
      loginRateLimit: { perIp: 50, perEmail: 10, windowMs: 900_000 },
      maxEventLoopDelayMs: 750,
    });
  });

  it('defaults: demo users only when embedded, plain-HTTP cookies only on loopback', () => {
    const local = loadConfig({});
    expect(local.demoUsers).toBe('embedded');
    expect(local.demoPassword).toBe('atlas-demo');
    expect(local.corsOrigins).toEqual([]);
    expect(local.insecureCookies).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0' }).insecureCookies).toBe(false);
    expect(loadConfig({ ATLAS_DEMO_USERS: 'false' }).demoUsers).toBe(false);
  });

  it('sheds load on event-loop delay only with a database server, unless configured', () => {
    const server = 'postgres://atlas@db.example.org/atlas';
    expect(loadConfig({}).maxEventLoopDelayMs).toBe(0);
    expect(loadConfig({ DATABASE_URL: server }).maxEventLoopDelayMs).toBe(1000);
    expect(loadConfig({ ATLAS_MAX_EVENT_LOOP_DELAY_MS: '250' }).maxEventLoopDelayMs).toBe(250);
    expect(
      loadConfig({ DATABASE_URL: server, ATLAS_MAX_EVENT_LOOP_DELAY_MS: '0' }).maxEventLoopDelayMs,
    ).toBe(0);
    expect(() => loadConfig({ ATLAS_MAX_EVENT_LOOP_DELAY_MS: '-5' })).toThrow(
      /ATLAS_MAX_EVENT_LOOP_DELAY_MS/,
    );
  });

  it('rejects bad auth settings without repeating secrets', () => {
    const problems = problemsOf({
      ATLAS_CORS_ORIGINS: 'https://ok.example.org,not an origin',
      ATLAS_SESSION_TTL: '5',
      REDIS_URL: 'http://user:hunter2@cache',
      ATLAS_INSECURE_COOKIES: 'maybe',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it.each(['abc', '-1', '70000', '80.5'])('rejects PORT=%s', (port) => {
    expect(problemsOf({ PORT: port })).toEqual([
      `PORT must be an integer from 0 to 65535 (got "${port}")`,
    ]);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      PORT: 'x',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      ATLAS_SEED: 'yes',
    });
    expect(problems).toHaveLength(4);
    const names = problems.map((problem) => problem.split(' ')[0]).sort();
    expect(names).toEqual(['ATLAS_SEED', 'LOG_LEVEL', 'NODE_ENV', 'PORT']);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL, without repeating it', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root:s3cret@db/atlas' });
    expect(problems).toEqual(['DATABASE_URL must start with postgres:// or postgresql://']);
    expect(problems.join()).not.toContain('s3cret');
  });
});
