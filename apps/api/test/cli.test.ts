// The `atlas` CLI on both engines (an embedded data folder, or a PostgreSQL server through
// DATABASE_URL, as a server deployment is bootstrapped): create a user (then sign in), create a
// key (then use it), list, revoke (then the key fails). No demo users appear on the way.
import { openDatabase, type AtlasDatabase } from '@atlas/db';
import { openTestDatabase, testEngines } from '@atlas/db/testing';
import { sql } from 'kysely';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './helpers';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));

describe.each(testEngines())('atlas CLI on %s', (engine) => {
  let dataDir: string;
  /** Server mode: the private test database the CLI is pointed at. */
  let server: { adb: AtlasDatabase; url: string } | undefined;

  function atlas(args: string[], input?: string) {
    const target = server ? { DATABASE_URL: server.url } : { ATLAS_DATA_DIR: dataDir };
    const result = spawnSync('node', ['--import', 'tsx', 'src/cli/atlas.ts', ...args], {
      cwd: API_DIR,
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...target },
      timeout: 120_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function withApp<T>(
    run: (app: Awaited<ReturnType<typeof buildTestApp>>) => Promise<T>,
  ): Promise<T> {
    // The embedded folder admits one process at a time: open it only while the CLI is not running.
    const database = server?.adb ?? (await openDatabase({ dataDir, seed: false }));
    const app = await buildTestApp(database);
    try {
      return await run(app);
    } finally {
      await app.close();
      if (!server) await database.close();
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    if (engine === 'postgis') {
      const adb = await openTestDatabase('postgis');
      const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(adb.db))
        .rows[0]?.name;
      const url = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '');
      url.pathname = `/${name ?? ''}`;
      server = { adb, url: url.toString() };
    }
  });

  afterAll(async () => {
    await server?.adb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates users and keys that work, lists them, and revokes keys', async () => {
    const user = atlas(
      [
        'user',
        'create',
        '--email',
        'Ops@Example.org',
        '--name',
        'Ops',
        '--role',
        'admin',
        '--password-stdin',
      ],
      'a password from stdin\n',
    );
    expect(user.stderr).toBe('');
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/created user [0-9a-f-]{36} ops@example.org \(admin\)/);
    expect(user.stdout).not.toContain('a password from stdin');

    const key = atlas([
      'key',
      'create',
      '--name',
      'etl',
      '--role',
      'coordinator',
      '--countries',
      'GT,HN',
    ]);
    expect(key.code).toBe(0);
    const secret = /atlas_[A-Za-z0-9]{8}_[A-Za-z0-9]{32,}/.exec(key.stdout)?.[0];
    const keyId = /created key ([0-9a-f-]{36})/.exec(key.stdout)?.[1];
    expect(secret).toBeDefined();
    expect(keyId).toBeDefined();

    const list = atlas(['key', 'list']);
    expect(list.stdout).toContain(keyId);
    expect(list.stdout).toContain(secret!.slice(0, 14));
    expect(list.stdout).not.toContain(secret);
    const users = atlas(['user', 'list']).stdout;
    expect(users).toMatch(/ops@example.org\s+admin\s+all countries/);
    expect(users).not.toMatch(/(admin|coordinator|analyst)@example\.org/); // no demo users

    await withApp(async (app) => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'ops@example.org', password: 'a password from stdin' },
      });
      expect(login.statusCode).toBe(200);
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${secret!}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        principal: { role: 'coordinator', countries: ['GT', 'HN'] },
      });
    });

    expect(atlas(['key', 'revoke', keyId!]).code).toBe(0);
    await withApp(async (app) => {
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${secret!}` },
      });
      expect(me.statusCode).toBe(401);
    });
  }, 300_000);

  it('explains wrong usage with exit code 2', () => {
    const wrong = atlas(['key', 'create', '--name', 'x', '--role', 'admin']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--role must be one of analyst, coordinator/);
    expect(atlas(['frobnicate']).code).toBe(2);
  }, 120_000);
});
