// Hand-made records with answers known in advance: the sample data is removed (boundaries
// stay) and a few programs, sites, a corridor, communities and incidents are placed around
// Guatemala City and San Pedro Sula.
import { geomFromGeoJSON } from '@atlas/db';
import type { AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';

export const point = (lon: number, lat: number) => ({
  type: 'Point' as const,
  coordinates: [lon, lat],
});
export const GUATEMALA_CITY = point(-90.513, 14.641);
export const FLORES = point(-89.89, 16.93);
export const SAN_PEDRO_SULA = point(-88.025, 15.5);
export const PREVENTION_SITE = point(-90.5, 14.6);
/** Kilometres per degree of longitude at 14.6°N on the sphere. */
export const KM_PER_DEGREE_LON = 111.19493 * Math.cos((14.6 * Math.PI) / 180);

export async function seedHandMade(adb: AtlasDatabase): Promise<{ corridorId: string }> {
  const db = adb.db;
  await sql`DELETE FROM incidents`.execute(db);
  await sql`DELETE FROM communities`.execute(db);
  await sql`DELETE FROM corridors`.execute(db);
  await sql`DELETE FROM programs`.execute(db);
  const program = async (code: string, line: string, countries: string[], committed: number) => {
    const { id } = await db
      .insertInto('programs')
      .values({
        code,
        title: code,
        line: line as never,
        goals: [2],
        countries: countries as never,
        agency: 'INL',
        status: 'active',
        startDate: '2010-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('programFunding')
      .values({
        programId: id,
        fiscalYear: 2011,
        account: 'INCLE',
        stage: 'committed',
        amountUsd: committed,
      })
      .execute();
    return id;
  };
  const site = (programId: string, name: string, geometry: ReturnType<typeof point>) =>
    db
      .insertInto('sites')
      .values({ programId, name, precision: 1, geom: geomFromGeoJSON(geometry) })
      .execute();
  const enforcement = await program('T-ENF', 'enforcement', ['GT', 'HN'], 1_000_001);
  await site(enforcement, 'Guatemala City', GUATEMALA_CITY);
  await site(enforcement, 'Flores', FLORES);
  await site(enforcement, 'San Pedro Sula', SAN_PEDRO_SULA);
  const prevention = await program('T-PRV', 'prevention', ['GT'], 300);
  await site(prevention, 'Prevention centre', PREVENTION_SITE);
  const { id: corridorId } = await db
    .insertInto('corridors')
    .values({
      name: 'Test corridor',
      mode: 'land',
      threats: ['narcotics'],
      confidence: 'high',
      source: 'test',
      validFrom: '2006-01-01',
      geom: geomFromGeoJSON({
        type: 'LineString',
        coordinates: [
          [-91, 14.6],
          [-90, 14.6],
        ],
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const community = (
    name: string,
    geometry: ReturnType<typeof point>,
    population: number,
    rate: number,
    country: 'GT' | 'HN',
  ) =>
    db
      .insertInto('communities')
      .values({
        name,
        country,
        geom: geomFromGeoJSON(geometry),
        population,
        homicideRate: rate,
        year: 2012,
        source: 'test',
      })
      .execute();
  await community('Covered', point(-90.52, 14.62), 100_000, 50, 'GT');
  await community('Remote', point(-89.0, 14.8), 20_000, 80, 'GT');
  await community('Large', point(-88.0, 15.45), 200_000, 10, 'HN');
  for (const occurredOn of ['2013-02-01', '2013-05-01', '2013-09-01', '2012-06-01']) {
    await db
      .insertInto('incidents')
      .values({
        kind: 'seizure',
        occurredOn,
        geom: geomFromGeoJSON(GUATEMALA_CITY),
        country: 'GT',
        source: 'test',
      })
      .execute();
  }
  return { corridorId };
}
