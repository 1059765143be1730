// The database itself rejects bad data, whatever the application layer lets through.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewProgramRow } from '../src/schema';
import { seedIfEmpty } from '../src/seed';
import { geomFromGeoJSON } from '../src/sql/geometry';
import { openTestDatabase, testEngines, type AtlasDatabase } from '../src/testing';
import { fixtureSeedData } from './fixtures/seed-data';
import {
  CHECK_VIOLATION,
  expectSqlState,
  INSUFFICIENT_PRIVILEGE,
  UNIQUE_VIOLATION,
} from './helpers';

const bowtie = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [-90, 14],
      [-89, 15],
      [-89, 14],
      [-90, 15],
      [-90, 14],
    ],
  ],
};

let codeCounter = 0;
function program(overrides: Partial<NewProgramRow> = {}): NewProgramRow {
  codeCounter += 1;
  return {
    code: `TEST-${codeCounter}`,
    title: 'Test program',
    line: 'prevention',
    goals: [4],
    countries: ['HN'],
    agency: 'USAID',
    status: 'active',
    startDate: '2024-01-01',
    ...overrides,
  };
}

describe.each(testEngines())('%s: constraints', (engine) => {
  let adb: AtlasDatabase;
  let programId: string;
  beforeAll(async () => {
    adb = await openTestDatabase(engine);
    await seedIfEmpty(adb.db, { load: () => Promise.resolve(fixtureSeedData()) });
    ({ id: programId } = await adb.db
      .selectFrom('programs')
      .select('id')
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => {
    await adb.close();
  });

  it('accepts a valid program (the baseline for the rejections below)', async () => {
    await adb.db.insertInto('programs').values(program()).execute();
  });

  it('rejects an invalid (self-intersecting) geometry', async () => {
    const site = {
      programId,
      name: 'Bowtie',
      precision: 4 as const,
      geom: geomFromGeoJSON(bowtie),
    };
    await expectSqlState(adb.db.insertInto('sites').values(site).execute(), CHECK_VIOLATION);
  });

  it('rejects a geometry of the wrong type', async () => {
    const corridor = {
      name: 'A point is not a corridor',
      mode: 'land' as const,
      threats: ['gangs' as const],
      confidence: 'low' as const,
      source: 'test',
      validFrom: '2024-01-01',
      geom: geomFromGeoJSON({ type: 'Point', coordinates: [-90, 15] }),
    };
    await expectSqlState(
      adb.db.insertInto('corridors').values(corridor).execute(),
      CHECK_VIOLATION,
    );
  });

  it('rejects reversed dates', async () => {
    await expectSqlState(
      adb.db
        .insertInto('programs')
        .values(program({ startDate: '2025-01-01', endDate: '2024-12-31' }))
        .execute(),
      CHECK_VIOLATION,
    );
    await expectSqlState(
      adb.db
        .insertInto('corridors')
        .values({
          name: 'Backwards',
          mode: 'air',
          threats: ['narcotics'],
          confidence: 'high',
          source: 'test',
          validFrom: '2024-06-01',
          validTo: '2024-05-31',
          geom: geomFromGeoJSON({
            type: 'LineString',
            coordinates: [
              [-90, 15],
              [-89, 15],
            ],
          }),
        })
        .execute(),
      CHECK_VIOLATION,
    );
  });

  it('rejects negative money', async () => {
    await expectSqlState(
      adb.db
        .insertInto('programFunding')
        .values({ programId, fiscalYear: 2025, account: 'ESF', stage: 'committed', amountUsd: -1 })
        .execute(),
      CHECK_VIOLATION,
    );
  });

  it('rejects a duplicate funding row (fiscal year × account × stage)', async () => {
    const row = { programId, fiscalYear: 2024, account: 'INCLE', stage: 'obligated' } as const;
    await expectSqlState(
      adb.db
        .insertInto('programFunding')
        .values({ ...row, amountUsd: 5 })
        .execute(),
      UNIQUE_VIOLATION,
    );
  });

  it('stores large amounts exactly', async () => {
    const amountUsd = 9_007_199_254_740_991; // 2^53 - 1
    await adb.db
      .insertInto('programFunding')
      .values({ programId, fiscalYear: 2030, account: 'FMF', stage: 'committed', amountUsd })
      .execute();
    const row = await adb.db
      .selectFrom('programFunding')
      .select('amountUsd')
      .where('programId', '=', programId)
      .where('fiscalYear', '=', 2030)
      .executeTakeFirstOrThrow();
    expect(row.amountUsd).toBe(amountUsd);
  });

  it('rejects unknown codes', async () => {
    const unknown = (value: unknown) => value as never;
    for (const values of [
      program({ line: unknown('diplomacy') }),
      program({ countries: ['GT', unknown('FR')] }),
      program({ goals: [unknown(6)] }),
      program({ goals: [] }),
      program({ agency: unknown('CIA') }),
      program({ status: unknown('paused') }),
    ]) {
      await expectSqlState(adb.db.insertInto('programs').values(values).execute(), CHECK_VIOLATION);
    }
    await expectSqlState(
      adb.db
        .insertInto('programFunding')
        .values({
          programId,
          fiscalYear: 2025,
          account: unknown('DA'),
          stage: 'committed',
          amountUsd: 1,
        })
        .execute(),
      CHECK_VIOLATION,
    );
  });

  it('rejects a geographic precision outside 1–9', async () => {
    const point = geomFromGeoJSON({ type: 'Point', coordinates: [-90, 15] });
    for (const precision of [0, 10]) {
      await expectSqlState(
        adb.db
          .insertInto('sites')
          .values({ programId, name: 'Imprecise', precision: precision as never, geom: point })
          .execute(),
        CHECK_VIOLATION,
      );
    }
  });

  it('rejects a user e-mail that is not lower-case', async () => {
    await expectSqlState(
      adb.db
        .insertInto('users')
        .values({ email: 'Ana@Example.org', name: 'Ana', role: 'analyst', countries: null })
        .execute(),
      CHECK_VIOLATION,
    );
  });

  it('keeps the audit trail append-only', async () => {
    const event = await adb.db
      .insertInto('auditEvents')
      .values({
        actorType: 'user',
        actorId: programId,
        actorLabel: 'someone',
        action: 'update',
        entityType: 'program',
        entityId: programId,
        version: 2,
        before: { title: 'old' },
        after: { title: 'new' },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expectSqlState(
      adb.db
        .updateTable('auditEvents')
        .set({ actorLabel: 'tampered' })
        .where('id', '=', event.id)
        .execute(),
      INSUFFICIENT_PRIVILEGE,
    );
    await expectSqlState(
      adb.db.deleteFrom('auditEvents').where('id', '=', event.id).execute(),
      INSUFFICIENT_PRIVILEGE,
    );
    await expectSqlState(sql`TRUNCATE audit_events`.execute(adb.db), INSUFFICIENT_PRIVILEGE);
    const kept = await adb.db
      .selectFrom('auditEvents')
      .select('actorLabel')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(kept.actorLabel).toBe('someone');
  });

  it('keeps the boundaries read-only', async () => {
    await expectSqlState(
      adb.db.updateTable('countries').set({ name: 'Renamed' }).where('code', '=', 'GT').execute(),
      INSUFFICIENT_PRIVILEGE,
    );
    await expectSqlState(
      adb.db.deleteFrom('departments').where('code', '=', 'GT-PE').execute(),
      INSUFFICIENT_PRIVILEGE,
    );
    await expectSqlState(
      adb.db
        .insertInto('countries')
        .values({
          code: 'PA',
          name: 'Panama',
          nameEs: 'Panamá',
          geom: geomFromGeoJSON({ type: 'MultiPolygon', coordinates: [bowtie.coordinates] }),
        })
        .execute(),
      INSUFFICIENT_PRIVILEGE,
    );
    const country = await adb.db
      .selectFrom('countries')
      .select('name')
      .where('code', '=', 'GT')
      .executeTakeFirstOrThrow();
    expect(country.name).toBe('Guatemala');
  });
});
