// `bbox=minLon,minLat,maxLon,maxLat` for list endpoints: the query schema and the SQL test.
import { envelope } from '@atlas/db';
import { bboxCrossesAntimeridian, parseBbox, type BBox } from '@atlas/domain';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import Type from 'typebox';

/** The query parameter (minLon > maxLon crosses the antimeridian). */
export function bboxQuery(description: string) {
  return Type.Refine(
    Type.String({
      description: `${description} (minLon,minLat,maxLon,maxLat in EPSG:4326 degrees)`,
      examples: ['-92.5,13.5,-88,18'],
    }),
    (text) => parseBbox(text).ok,
    (text) => {
      const parsed = parseBbox(text);
      return parsed.ok ? 'invalid bbox' : parsed.reason;
    },
  );
}

/** A `bbox` query value that already passed validation, as numbers. */
export function bboxOf(text: string | undefined): BBox | undefined {
  if (text === undefined) return undefined;
  const parsed = parseBbox(text);
  return parsed.ok ? parsed.bbox : undefined;
}

/** ST_Intersects(column, box); boxes crossing the antimeridian are split in two (GiST-friendly). */
export function bboxPredicate(
  column: string | Expression<unknown>,
  bbox: BBox,
): RawBuilder<SqlBool> {
  const geometry = typeof column === 'string' ? sql.ref(column) : column;
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const boxes: BBox[] = bboxCrossesAntimeridian(bbox)
    ? [
        [minLon, minLat, 180, maxLat],
        [-180, minLat, maxLon, maxLat],
      ]
    : [bbox];
  const tests = boxes.map((box) => sql<SqlBool>`ST_Intersects(${geometry}, ${envelope(box)})`);
  return sql<SqlBool>`(${sql.join(tests, sql` OR `)})`;
}
