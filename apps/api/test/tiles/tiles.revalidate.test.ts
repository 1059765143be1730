// Revalidation is cheap: a tile or analysis answered 304 sends no SQL but the data-version read
// (no tile query, no transaction), and the shared version read still sees every write committed
// before a request, also when many requests revalidate at once.
import { DATA_LAYERS, dataVersion, type DataLayer } from '@atlas/db';
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { currentDataVersion } from '../../src/lib/data-versions';
import { buildTestApp } from '../helpers';
import { spyOnSql, type SqlSpy } from '../reliability/sql-spy';
import { tileOf } from './support';

const onlyVersionReads = (texts: readonly string[]) =>
  texts.filter((text) => !/\bdata_versions\b/.test(text));

describe.each(testEngines())('revalidation (If-None-Match) on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let spy: SqlSpy | undefined;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
  });

  afterEach(() => {
    spy?.restore();
    spy = undefined;
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('answers a tile 304 without running the tile query', async () => {
    const key = tileOf(-90.51, 14.64, 8);
    const url = `/tiles/sites/${key.z}/${key.x}/${key.y}.mvt`;
    spy = spyOnSql();
    const first = await app.inject({ url });
    expect(first.statusCode).toBe(200);
    // The 200 ran the tile query: something beyond the version read.
    expect(onlyVersionReads(spy.texts).length).toBeGreaterThan(0);

    spy.texts.length = 0;
    const again = await app.inject({
      url,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(spy.texts.length).toBe(1);
    expect(onlyVersionReads(spy.texts)).toEqual([]);
  });

  it('answers an analysis 304 without opening a transaction or computing', async () => {
    const url = '/api/v1/analysis/nearest?lon=-87.2&lat=14.1&k=2';
    const first = await app.inject({ url });
    expect(first.statusCode, first.body).toBe(200);
    spy = spyOnSql();
    const again = await app.inject({
      url,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('public, no-cache');
    expect(spy.texts.length).toBe(1);
    expect(onlyVersionReads(spy.texts)).toEqual([]);
  });

  it('gives the same version as dataVersion from @atlas/db, for any layers in any order', async () => {
    const sets: DataLayer[][] = [
      [...DATA_LAYERS],
      ['sites', 'programs'],
      ['boundaries'],
      ['incidents', 'corridors'],
    ];
    for (const layers of sets) {
      expect(await currentDataVersion(adb.db, layers)).toBe(await dataVersion(adb.db, layers));
    }
  });

  it('shares one read among concurrent requests, each seeing writes committed before it', async () => {
    const bump = () =>
      sql`UPDATE incidents SET quantity = coalesce(quantity, 0) + 1
        WHERE id = (SELECT id FROM incidents ORDER BY id LIMIT 1)`.execute(adb.db);
    spy = spyOnSql();
    const before = await currentDataVersion(adb.db, ['incidents']);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => currentDataVersion(adb.db, ['incidents'])),
    );
    expect(new Set(burst)).toEqual(new Set([before]));
    const reads = spy.texts.filter((text) => /\bdata_versions\b/.test(text)).length;
    expect(reads).toBeLessThanOrEqual(3); // 21 callers: the first read, then shared ones
    // Interleaved with writes: a read asked for after a write has committed sees it, even
    // when another read was in flight during the write.
    let last = before;
    for (let i = 0; i < 5; i += 1) {
      const inFlight = currentDataVersion(adb.db, ['incidents']);
      await bump();
      const after = await currentDataVersion(adb.db, ['incidents']);
      expect(after).not.toBe(last);
      expect(after).toBe(await dataVersion(adb.db, ['incidents']));
      await inFlight;
      last = after;
    }
  });
});
