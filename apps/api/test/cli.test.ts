// The `atlas` CLI against an embedded data folder: create a user (then sign in), create a key
// (then use it), list, revoke (then the key fails).
import { openDatabase } from '@atlas/db';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './helpers';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('atlas CLI (embedded database)', () => {
  let dataDir: string;

  function atlas(args: string[], input?: string) {
    const result = spawnSync('node', ['--import', 'tsx', 'src/cli/atlas.ts', ...args], {
      cwd: API_DIR,
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ATLAS_DATA_DIR: dataDir },
      timeout: 120_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function withApp<T>(
    run: (app: Awaited<ReturnType<typeof buildTestApp>>) => Promise<T>,
  ): Promise<T> {
    const database = await openDatabase({ dataDir, seed: false });
    const app = await buildTestApp(database);
    try {
      return await run(app);
    } finally {
      await app.close();
      await database.close();
    }
  }

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  });

  afterAll(() => {
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
    expect(atlas(['user', 'list']).stdout).toMatch(/ops@example.org\s+admin\s+all countries/);

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
