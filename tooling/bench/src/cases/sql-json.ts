// Helpers for the raw-SQL side: the query builds the whole JSON document in PostgreSQL, so the
// comparison is "our endpoint" against "the database alone producing the same bytes".
import type { Database } from '@atlas/db';
import { sql, type Kysely, type RawBuilder } from 'kysely';

/** Runs a query whose single row has one `doc` column. */
export function documentQuery(db: Kysely<Database>, query: RawBuilder<{ doc: unknown }>) {
  return async () => {
    const result = await query.execute(db);
    return result.rows[0]?.doc;
  };
}

/** `ST_MakeEnvelope` with bound parameters. */
export const envelopeOf = ([minLon, minLat, maxLon, maxLat]: readonly number[]) =>
  sql`ST_MakeEnvelope(${minLon}, ${minLat}, ${maxLon}, ${maxLat}, 4326)`;

/** The feature ids of a FeatureCollection, in order. */
export function featureIds(collection: unknown): string[] {
  const features = (collection as { features?: { id?: unknown }[] } | undefined)?.features ?? [];
  return features.map((feature) => String(feature.id));
}

/** Same feature ids in the same order, and the same numberMatched. */
export function sameFeatures(httpBody: unknown, sqlResult: unknown): string | undefined {
  const a = featureIds(httpBody);
  const b = featureIds(sqlResult);
  if (a.length !== b.length) return `${a.length} features over HTTP, ${b.length} from SQL`;
  const differs = a.findIndex((id, index) => id !== b[index]);
  if (differs >= 0) return `feature ${differs} differs: ${a[differs]} / ${b[differs]}`;
  const matched = (doc: unknown) => (doc as { numberMatched?: number }).numberMatched;
  if (matched(httpBody) !== matched(sqlResult)) {
    return `numberMatched ${matched(httpBody)} over HTTP, ${matched(sqlResult)} from SQL`;
  }
  return undefined;
}
