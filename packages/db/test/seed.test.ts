import { loadBoundaries, loadSampleData } from '@atlas/geodata';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/schema';
import { seedIfEmpty } from '../src/seed';
import { openTestDatabase, testEngines } from '../src/testing';
import { fixtureSeedData, INCIDENT_COUNT } from './fixtures/seed-data';

const load = () => Promise.resolve(fixtureSeedData());

async function tableCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const { rows } = await sql<Record<string, number>>`
    SELECT (SELECT count(*) FROM countries) AS countries,
           (SELECT count(*) FROM departments) AS departments,
           (SELECT count(*) FROM programs) AS programs,
           (SELECT count(*) FROM program_funding) AS funding,
           (SELECT count(*) FROM sites) AS sites,
           (SELECT count(*) FROM corridors) AS corridors,
           (SELECT count(*) FROM communities) AS communities,
           (SELECT count(*) FROM incidents) AS incidents,
           (SELECT count(*) FROM audit_events) AS audit
  `.execute(db);
  return rows[0]!;
}

describe.each(testEngines())('%s: seedIfEmpty', (engine) => {
  it('seeds an empty database once (sites located, one audit event), then does nothing', async () => {
    const adb = await openTestDatabase(engine);
    try {
      const first = await seedIfEmpty(adb.db, { load });
      expect(first).toMatchObject({ seeded: true, boundariesLoaded: true });
      expect(first.counts).toMatchObject({
        countries: 2,
        departments: 3,
        incidents: INCIDENT_COUNT,
      });
      const afterFirst = await tableCounts(adb.db);
      expect(afterFirst).toEqual({
        countries: 2,
        departments: 3,
        programs: 1,
        funding: 2,
        sites: 2,
        corridors: 1,
        communities: 1,
        incidents: INCIDENT_COUNT,
        audit: 1,
      });

      const sites = await adb.db
        .selectFrom('sites')
        .select(['name', 'country', 'department', 'illustrative'])
        .orderBy('name')
        .execute();
      expect(sites).toEqual([
        { name: 'Petén area', country: 'GT', department: 'GT-PE', illustrative: true },
        { name: 'Puerto Barrios', country: 'GT', department: 'GT-IZ', illustrative: true },
      ]);
      const audit = await adb.db.selectFrom('auditEvents').selectAll().executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actorType: 'system', actorLabel: 'seed', action: 'create' });
      expect(audit.after).toMatchObject({ counts: { programs: 1, incidents: INCIDENT_COUNT } });

      const second = await seedIfEmpty(adb.db, { load });
      expect(second).toMatchObject({ seeded: false, boundariesLoaded: false, counts: {} });
      expect(second.reason).toMatch(/already has/);
      expect(await tableCounts(adb.db)).toEqual(afterFirst);
    } finally {
      await adb.close();
    }
  });

  it('leaves planner statistics behind, so the first queries are planned for the real sizes', async () => {
    const adb = await openTestDatabase(engine);
    try {
      await seedIfEmpty(adb.db, { load });
      const { rows } = await sql<{ relname: string; reltuples: number }>`
        SELECT relname, reltuples::float8 AS reltuples FROM pg_class
        WHERE relname IN ('incidents', 'sites', 'departments') ORDER BY relname
      `.execute(adb.db);
      // reltuples is -1 until a table is analysed, whatever it holds.
      expect(rows).toEqual([
        { relname: 'departments', reltuples: 3 },
        { relname: 'incidents', reltuples: INCIDENT_COUNT },
        { relname: 'sites', reltuples: 2 },
      ]);
    } finally {
      await adb.close();
    }
  });

  it('never seeds over real data, even soft-deleted', async () => {
    const adb = await openTestDatabase(engine);
    try {
      await adb.db
        .insertInto('programs')
        .values({
          code: 'REAL-001',
          title: 'A real program',
          line: 'capacity',
          goals: [2],
          countries: ['SV'],
          agency: 'USAID',
          status: 'planned',
          startDate: '2025-01-01',
          deletedAt: new Date(),
        })
        .execute();
      const result = await seedIfEmpty(adb.db, { load });
      expect(result.seeded).toBe(false);
      expect(result.reason).toMatch(/programs/);
      const counts = await tableCounts(adb.db);
      expect(counts).toMatchObject({ programs: 1, incidents: 0, corridors: 0, audit: 0 });
      // Boundaries are reference data: they are loaded whenever they are missing.
      expect(counts).toMatchObject({ countries: 2, departments: 3 });
    } finally {
      await adb.close();
    }
  });

  it('does not seed a database whose only content is its audit trail', async () => {
    const adb = await openTestDatabase(engine);
    try {
      await adb.db
        .insertInto('auditEvents')
        .values({ actorType: 'system', actorLabel: 'test', action: 'delete' })
        .execute();
      const result = await seedIfEmpty(adb.db, { load });
      expect(result.seeded).toBe(false);
      expect((await tableCounts(adb.db)).programs).toBe(0);
    } finally {
      await adb.close();
    }
  });

  it('loads the real boundaries and sample data of @atlas/geodata', async () => {
    const sample = loadSampleData();
    const adb = await openTestDatabase(engine, { seed: true });
    try {
      const counts = await tableCounts(adb.db);
      expect(counts).toMatchObject({
        countries: loadBoundaries().countries.features.length,
        departments: loadBoundaries().departments.features.length,
        programs: sample.programs.length,
        sites: sample.programs.flatMap((program) => program.sites).length,
        corridors: sample.corridors.length,
        communities: sample.communities.length,
        incidents: sample.incidents.length,
        audit: 1,
      });
      expect(counts.incidents).toBeGreaterThanOrEqual(5_000);
      // Sites are located by spatial join, consistently with the boundaries.
      const { rows } = await sql<{ located: number; inconsistent: number }>`
        SELECT count(*) FILTER (WHERE s.country IS NOT NULL) AS located,
               count(*) FILTER (WHERE s.country IS NOT NULL AND NOT ST_Intersects(c.geom, ST_PointOnSurface(s.geom))) AS inconsistent
        FROM sites s LEFT JOIN countries c ON c.code = s.country
      `.execute(adb.db);
      expect(rows[0]!.located).toBeGreaterThan(0);
      expect(rows[0]!.inconsistent).toBe(0);
      const again = await seedIfEmpty(adb.db);
      expect(again.seeded).toBe(false);
      expect(await tableCounts(adb.db)).toEqual(counts);
    } finally {
      await adb.close();
    }
  });
});
