// Every committed write to a layer changes that layer's data version and no other layer's;
// a rolled-back write changes nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersion } from '../src/data-version';
import { openTestDatabase, testEngines, type AtlasDatabase } from '../src/testing';

describe.each(testEngines())('%s: data versions', (engine) => {
  let adb: AtlasDatabase;
  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
  });
  afterAll(async () => {
    await adb.close();
  });

  it('changes the written layer only', async () => {
    const before = await dataVersion(adb.db, ['corridors', 'incidents']);
    await sql`UPDATE incidents SET description = 'checked' WHERE id = (SELECT id FROM incidents LIMIT 1)`.execute(
      adb.db,
    );
    const after = await dataVersion(adb.db, ['corridors', 'incidents']);
    expect(after).not.toBe(before);
    expect(after.split('-')[1]?.split('.')[0]).toBe(before.split('-')[1]?.split('.')[0]);
  });

  it('counts program funding as part of the programs layer', async () => {
    const before = await dataVersion(adb.db, ['programs']);
    await sql`UPDATE program_funding SET amount_usd = amount_usd WHERE program_id = (SELECT program_id FROM program_funding LIMIT 1)`.execute(
      adb.db,
    );
    expect(await dataVersion(adb.db, ['programs'])).not.toBe(before);
  });

  it('keeps the version of a rolled-back write', async () => {
    const before = await dataVersion(adb.db, ['sites']);
    await expect(
      adb.db.transaction().execute(async (trx) => {
        await sql`UPDATE sites SET name = name || ' (draft)'`.execute(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await dataVersion(adb.db, ['sites'])).toBe(before);
  });

  it('refuses an empty layer list', async () => {
    await expect(dataVersion(adb.db, [])).rejects.toThrow(/at least one layer/);
  });
});
