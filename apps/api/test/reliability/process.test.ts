// The API process on its embedded database: a kill -9 loses nothing that was acknowledged (the
// data folder opens again).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { programInput } from '../support/records';
import { signInDemoAdmin, startApiProcess, type ApiProcess } from './support/api-process';

const PASSWORD = 'reliability-demo';

describe('the API process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-reliability-'));
  const env = { ATLAS_DATA_DIR: dataDir, ATLAS_DEMO_PASSWORD: PASSWORD };
  let api: ApiProcess | undefined;

  afterAll(() => {
    api?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps acknowledged writes across a kill -9 (the data folder opens again)', async () => {
    api = await startApiProcess(env);
    const headers = await signInDemoAdmin(api.origin, PASSWORD);
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const input = programInput();
      const response = await fetch(`${api.origin}/api/v1/programs`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      codes.push(input.code);
    }
    api.child.kill('SIGKILL');
    expect((await api.exited).signal).toBe('SIGKILL');

    api = await startApiProcess(env);
    const again = await signInDemoAdmin(api.origin, PASSWORD);
    const listed = await fetch(`${api.origin}/api/v1/programs?limit=500`, { headers: again });
    const body = (await listed.json()) as { items: { code: string }[] };
    const stored = new Set(body.items.map((program) => program.code));
    expect(codes.filter((code) => !stored.has(code))).toEqual([]);
  }, 900_000); // two start-ups, the first a cold PGlite initdb
});
