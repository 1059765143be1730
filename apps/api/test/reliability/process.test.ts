// The API process on its embedded database: a kill -9 while writes are in flight loses nothing
// that was acknowledged, and the data folder opens again (no repair, no re-initialisation).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { programInput } from '../support/records';
import { signInDemoAdmin, startApiProcess, type ApiProcess } from './support/api-process';

const PASSWORD = 'reliability-demo';
const WRITERS = 4;
const BEFORE_KILL = 8; // acknowledged writes before the kill

describe('the API process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-reliability-'));
  const env = { ATLAS_DATA_DIR: dataDir, ATLAS_DEMO_PASSWORD: PASSWORD };
  let api: ApiProcess | undefined;

  afterAll(() => {
    api?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps acknowledged writes across a kill -9 under a write load', async () => {
    api = await startApiProcess(env);
    const { origin } = api;
    const headers = await signInDemoAdmin(origin, PASSWORD);
    const acknowledged: string[] = [];
    let inFlight = 0;
    const state = { killed: false };
    const isKilled = () => state.killed; // read after an await, not narrowed
    const writer = async () => {
      while (!state.killed) {
        const input = programInput();
        inFlight += 1;
        const status = await fetch(`${origin}/api/v1/programs`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        }).then(
          (response) => response.status,
          () => 0, // the process died under this request: not acknowledged
        );
        inFlight -= 1;
        if (status === 201) acknowledged.push(input.code);
        else if (!isKilled()) throw new Error(`write answered ${status} before the kill`);
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    while (acknowledged.length < BEFORE_KILL) await new Promise((r) => setTimeout(r, 10));
    state.killed = true;
    const atKill = { acknowledged: acknowledged.length, inFlight };
    api.child.kill('SIGKILL');
    expect((await api.exited).signal).toBe('SIGKILL');
    await Promise.all(writers);
    expect(atKill.inFlight).toBeGreaterThan(0); // the kill met writes in flight

    api = await startApiProcess(env);
    const again = await signInDemoAdmin(api.origin, PASSWORD);
    const listed = await fetch(`${api.origin}/api/v1/programs?limit=500`, { headers: again });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { items: { code: string }[] };
    const stored = new Set(body.items.map((program) => program.code));
    expect(acknowledged.filter((code) => !stored.has(code))).toEqual([]);
    process.stdout.write(
      `kill -9: ${acknowledged.length} writes acknowledged (${atKill.inFlight} in flight at the ` +
        `kill), all ${acknowledged.length} stored after the restart\n`,
    );
  }, 900_000); // two start-ups, the first a cold PGlite initdb
});
