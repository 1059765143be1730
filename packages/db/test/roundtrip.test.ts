// Every entity comes back as it went in; geometry goes in and out as GeoJSON.
import type { Geometry } from 'geojson';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../src/seed';
import { asGeoJSON, geomFromGeoJSON } from '../src/sql/geometry';
import { openTestDatabase, testEngines, type AtlasDatabase } from '../src/testing';
import { fixtureBoundaries, square } from './fixtures/seed-data';

const point: Geometry = { type: 'Point', coordinates: [-89.25, 15.125] };
const line: Geometry = {
  type: 'MultiLineString',
  coordinates: [
    [
      [-90.5, 14.5],
      [-89.5, 15.5],
    ],
    [
      [-89.5, 15.5],
      [-88.25, 15.75],
    ],
  ],
};
const polygon: Geometry = {
  type: 'MultiPolygon',
  coordinates: [square(-88.5, 14.5, 0.25).coordinates],
};

const noSample = () =>
  Promise.resolve({
    boundaries: fixtureBoundaries,
    sample: { programs: [], corridors: [], communities: [], incidents: [] },
  });

describe.each(testEngines())('%s: round trips', (engine) => {
  let adb: AtlasDatabase;
  let programId: string;
  let userId: string;
  beforeAll(async () => {
    adb = await openTestDatabase(engine);
    await seedIfEmpty(adb.db, { load: noSample });
  });
  afterAll(async () => {
    await adb.close();
  });

  it('programs, with funding and indicators', async () => {
    const values = {
      code: 'HN-PRV-007',
      title: 'Youth outreach centers',
      titleEs: 'Centros de alcance juvenil',
      summary: 'After-school programs in high-risk neighborhoods',
      summaryEs: 'Programas extraescolares en barrios de alto riesgo',
      line: 'prevention' as const,
      goals: [3, 5] as (3 | 5)[],
      countries: ['HN' as const, 'GT' as const],
      agency: 'USAID' as const,
      partners: ['Municipality of San Pedro Sula', 'NGO Alpha'],
      status: 'active' as const,
      startDate: '2022-10-01',
      endDate: '2027-09-30',
      source: 'unit test',
      illustrative: false,
    };
    const inserted = await adb.db
      .insertInto('programs')
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
    programId = inserted.id;
    expect(inserted).toMatchObject({ ...values, version: 1, deletedAt: null });
    expect(inserted.createdAt).toBeInstanceOf(Date);

    const funding = [
      {
        programId,
        fiscalYear: 2023,
        account: 'ESF' as const,
        stage: 'obligated' as const,
        amountUsd: 2_500_000,
      },
      {
        programId,
        fiscalYear: 2023,
        account: 'ESF' as const,
        stage: 'disbursed' as const,
        amountUsd: 1_000_001,
      },
    ];
    await adb.db.insertInto('programFunding').values(funding).execute();
    const indicators = [
      {
        programId,
        position: 0,
        code: 'YOUTH',
        name: 'Youth reached',
        unit: 'people',
        baseline: 0,
        target: 1500.5,
        actual: null,
      },
    ];
    await adb.db.insertInto('programIndicators').values(indicators).execute();

    const selected = await adb.db
      .selectFrom('programs')
      .selectAll()
      .where('id', '=', programId)
      .executeTakeFirstOrThrow();
    expect(selected).toEqual(inserted);
    expect(
      await adb.db
        .selectFrom('programFunding')
        .selectAll()
        .where('programId', '=', programId)
        .orderBy('stage')
        .execute(),
    ).toEqual([funding[1], funding[0]]);
    expect(
      await adb.db
        .selectFrom('programIndicators')
        .selectAll()
        .where('programId', '=', programId)
        .execute(),
    ).toEqual(indicators);
  });

  it('finds programs by English and Spanish full text', async () => {
    const english = await adb.db
      .selectFrom('programs')
      .select('code')
      .where(sql<boolean>`search_en @@ websearch_to_tsquery('english', ${'neighborhood outreach'})`)
      .execute();
    expect(english.map((row) => row.code)).toEqual(['HN-PRV-007']);
    const spanish = await adb.db
      .selectFrom('programs')
      .select('code')
      .where(sql<boolean>`search_es @@ websearch_to_tsquery('spanish', ${'barrio juveniles'})`)
      .execute();
    expect(spanish.map((row) => row.code)).toEqual(['HN-PRV-007']);
  });

  it('sites, located in their country and department', async () => {
    const site = await adb.db
      .insertInto('sites')
      .values({
        programId,
        name: 'Center 1',
        precision: 2,
        geom: geomFromGeoJSON(point),
        description: 'x',
      })
      .returning(['id', 'country', 'department', 'version'])
      .executeTakeFirstOrThrow();
    expect(site).toMatchObject({ country: 'GT', department: 'GT-IZ', version: 1 });
    const selected = await adb.db
      .selectFrom('sites')
      .select(['programId', 'name', 'precision', 'description', asGeoJSON('geom').as('geometry')])
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(selected).toEqual({
      programId,
      name: 'Center 1',
      precision: 2,
      description: 'x',
      geometry: point,
    });

    // Moving the site re-derives its location; updated_at moves with it.
    await adb.db
      .updateTable('sites')
      .set({ geom: geomFromGeoJSON(polygon) })
      .where('id', '=', site.id)
      .execute();
    const moved = await adb.db
      .selectFrom('sites')
      .select(['country', 'department', asGeoJSON('geom').as('geometry')])
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({ country: 'HN', department: 'HN-CR', geometry: polygon });
  });

  it('corridors', async () => {
    const values = {
      name: 'Pacific route',
      mode: 'maritime' as const,
      threats: ['narcotics' as const, 'firearms' as const],
      confidence: 'high' as const,
      source: 'test',
      validFrom: '2019-01-01',
      validTo: '2024-12-31',
      description: null,
      illustrative: true,
    };
    const { id } = await adb.db
      .insertInto('corridors')
      .values({ ...values, geom: geomFromGeoJSON(line) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const selected = await adb.db
      .selectFrom('corridors')
      .select([
        'name',
        'mode',
        'threats',
        'confidence',
        'source',
        'validFrom',
        'validTo',
        'description',
        'illustrative',
        asGeoJSON('geom').as('geometry'),
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(selected).toEqual({ ...values, geometry: line });
  });

  it('communities', async () => {
    const values = {
      name: 'Colonia Sur',
      country: 'HN' as const,
      department: 'HN-CR',
      population: 8_400,
      homicideRate: 61.25,
      year: 2024,
      source: 'test',
    };
    const { id } = await adb.db
      .insertInto('communities')
      .values({ ...values, geom: geomFromGeoJSON(polygon) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const selected = await adb.db
      .selectFrom('communities')
      .select([
        'name',
        'country',
        'department',
        'population',
        'homicideRate',
        'year',
        'source',
        asGeoJSON('geom').as('geometry'),
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(selected).toEqual({ ...values, geometry: polygon });
  });

  it('incidents', async () => {
    const values = {
      kind: 'seizure' as const,
      occurredOn: '2024-02-29',
      country: 'GT' as const,
      department: 'GT-IZ',
      threat: 'bulk_cash' as const,
      quantity: 125000.5,
      unit: 'USD',
      description: 'Cash in a truck',
      source: 'test',
    };
    const { id } = await adb.db
      .insertInto('incidents')
      .values({ ...values, geom: geomFromGeoJSON(point) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const selected = await adb.db
      .selectFrom('incidents')
      .select([
        'kind',
        'occurredOn',
        'country',
        'department',
        'threat',
        'quantity',
        'unit',
        'description',
        'source',
        asGeoJSON('geom').as('geometry'),
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(selected).toEqual({ ...values, geometry: point });
  });

  it('boundaries', async () => {
    const departments = await adb.db
      .selectFrom('departments')
      .select(['code', 'country', 'name', 'nameEs'])
      .orderBy('code')
      .execute();
    expect(departments.map((row) => row.code)).toEqual(['GT-IZ', 'GT-PE', 'HN-CR']);
    const honduras = await adb.db
      .selectFrom('countries')
      .select(['code', 'nameEs', asGeoJSON('geom').as('geometry')])
      .where('code', '=', 'HN')
      .executeTakeFirstOrThrow();
    expect(honduras).toEqual({
      code: 'HN',
      nameEs: 'Honduras',
      geometry: { type: 'MultiPolygon', coordinates: [square(-89, 14, 2).coordinates] },
    });
  });

  it('users, API keys and sessions', async () => {
    const user = {
      email: 'ana@example.org',
      name: 'Ana',
      role: 'coordinator' as const,
      countries: ['HN' as const],
      passwordHash: 'scrypt$abc',
    };
    const inserted = await adb.db
      .insertInto('users')
      .values(user)
      .returningAll()
      .executeTakeFirstOrThrow();
    userId = inserted.id;
    expect(inserted).toMatchObject({ ...user, version: 1, disabledAt: null });

    const key = {
      name: 'QGIS',
      keyHash: 'sha256:deadbeef',
      prefix: 'atl_1234',
      role: 'service' as const,
      countries: null,
      createdBy: userId,
    };
    const insertedKey = await adb.db
      .insertInto('apiKeys')
      .values(key)
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(insertedKey).toMatchObject({ ...key, lastUsedAt: null, revokedAt: null });

    const expiresAt = new Date(Date.now() + 3_600_000);
    await adb.db
      .insertInto('sessions')
      .values({ idHash: 'h1', userId, csrfTokenHash: 'c1', expiresAt })
      .execute();
    const session = await adb.db
      .selectFrom('sessions')
      .selectAll()
      .where('idHash', '=', 'h1')
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ userId, csrfTokenHash: 'c1', expiresAt });
  });

  it('audit events, JSON kept verbatim', async () => {
    const after = { title_es: 'snake stays snake', nested: { fiscalYear: 2024 }, list: [1, 2] };
    const event = {
      actorType: 'user' as const,
      actorId: userId,
      actorLabel: 'ana@example.org',
      action: 'create' as const,
      entityType: 'program' as const,
      entityId: programId,
      version: 1,
      before: null,
      after,
    };
    const inserted = await adb.db
      .insertInto('auditEvents')
      .values(event)
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(inserted).toMatchObject(event);
    expect(inserted.at).toBeInstanceOf(Date);
  });
});
