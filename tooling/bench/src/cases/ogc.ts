// OGC API Features items (limit 100 and 1,000, with a bbox and a CQL2 filter), next to the raw
// SQL giving the same features.
import { sql } from 'kysely';
import { NORTHERN_TRIANGLE } from './rest';
import { probe } from './probe';
import { documentQuery, envelopeOf } from './sql-json';
import type { BenchCase } from './types';

function itemsCase(limit: number, quick: boolean): BenchCase {
  const bbox = NORTHERN_TRIANGLE;
  const filter = encodeURIComponent("kind = 'seizure'");
  const path = `/ogc/collections/incidents/items?limit=${limit}&bbox=${bbox.join(',')}&filter=${filter}&filter-lang=cql2-text`;
  return {
    id: `ogc.incidents.items-${limit}`,
    title: `GET /ogc/collections/incidents/items?limit=${limit}&bbox=…&filter=kind='seizure'`,
    quick,
    async http(env) {
      const response = await probe(env, path, env.auth);
      await response.arrayBuffer();
      return { path, headers: env.auth };
    },
    sql: (env) =>
      documentQuery(
        env.database.db,
        sql<{ doc: unknown }>`
          WITH matched AS (
            SELECT * FROM incidents
            WHERE deleted_at IS NULL AND kind = 'seizure'
              AND ST_Intersects(geom, ${envelopeOf(bbox)})
          ), page AS (SELECT * FROM matched ORDER BY id LIMIT ${limit})
          SELECT json_build_object(
            'type', 'FeatureCollection',
            'numberMatched', (SELECT count(*) FROM matched),
            'numberReturned', (SELECT count(*) FROM page),
            'features', coalesce(json_agg(json_build_object(
              'type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(geom, 9)::json,
              'properties', json_build_object('kind', kind, 'occurredOn', occurred_on,
                'country', country, 'threat', threat, 'quantity', quantity, 'unit', unit,
                'description', description, 'source', source, 'version', version))
              ORDER BY id), '[]'::json)
          ) AS doc FROM page`,
      ),
    target: { maxRatio: 1.5 },
  };
}

export const ogcCases: BenchCase[] = [itemsCase(100, true), itemsCase(1000, false)];
