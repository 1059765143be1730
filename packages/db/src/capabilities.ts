// What the connected database can do, found by trying it once at start-up (never by mode).
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export interface Capabilities {
  postgisVersion: string;
  postgresVersion: string;
  /** ST_AsMVT works (server PostGIS); false on PGlite, whose PostGIS lacks protobuf. */
  mvt: boolean;
}

export async function probeCapabilities(db: Kysely<Database>): Promise<Capabilities> {
  const versions = await sql<{ postgres: string; postgis: string }>`
    SELECT current_setting('server_version') AS postgres, postgis_lib_version() AS postgis
  `.execute(db);
  const row = versions.rows[0];
  if (!row) throw new Error('capabilities probe returned no row');
  return {
    postgresVersion: row.postgres,
    postgisVersion: row.postgis,
    mvt: await canEncodeMvt(db),
  };
}

async function canEncodeMvt(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`
      SELECT ST_AsMVT(tile, 'probe') FROM (
        SELECT ST_AsMVTGeom(ST_Point(0, 0, 3857), ST_MakeEnvelope(-1, -1, 1, 1, 3857)) AS geom
      ) AS tile
    `.execute(db);
    return true;
  } catch {
    return false;
  }
}
