// Hotspots: PostGIS selects the incidents of the period and of the one before (date index, and
// the box through the GiST index); @atlas/domain bins them into H3 cells and compares.
import { hotspotCells, type BBox, type Position } from '@atlas/domain';
import { sql } from 'kysely';
import { bboxPredicate, BadInputError } from '../../registry';
import type { AnalysisDb } from './run';
import type { HotspotsQuery } from './schemas';

/** The longest period accepted (days). */
const MAX_PERIOD_DAYS = 20 * 366;
/** At most this many incidents are binned in one request (both periods). */
export const MAX_HOTSPOT_INCIDENTS = 500_000;
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

async function defaultPeriod(trx: AnalysisDb, query: HotspotsQuery) {
  if (query.from && query.to) return { from: query.from, to: query.to };
  const latest = await trx
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('occurredOn').as('latest'))
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  const to = query.to ?? latest?.latest ?? isoDay(Date.now());
  const from = query.from ?? isoDay(dayMs(to) - 364 * DAY_MS);
  return { from, to };
}

export async function hotspotsResult(
  trx: AnalysisDb,
  query: HotspotsQuery,
  bbox: BBox | undefined,
) {
  const { from, to } = await defaultPeriod(trx, query);
  const days = Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1;
  if (days < 1) throw new BadInputError([{ path: '/to', message: 'must not be before from' }]);
  if (days > MAX_PERIOD_DAYS) {
    throw new BadInputError([{ path: '/from', message: 'the period may be at most 20 years' }]);
  }
  const previousFrom = isoDay(dayMs(from) - days * DAY_MS);
  const previousTo = isoDay(dayMs(from) - DAY_MS);
  let incidents = trx
    .selectFrom('incidents')
    .select(['occurredOn', sql<number>`ST_X(geom)`.as('lon'), sql<number>`ST_Y(geom)`.as('lat')])
    .where('deletedAt', 'is', null)
    .where('occurredOn', '>=', previousFrom)
    .where('occurredOn', '<=', to);
  if (query.kind) incidents = incidents.where('kind', '=', query.kind);
  if (query.country) incidents = incidents.where('country', '=', query.country);
  if (bbox) incidents = incidents.where(bboxPredicate('incidents.geom', bbox));
  const rows = await incidents.limit(MAX_HOTSPOT_INCIDENTS + 1).execute();
  if (rows.length > MAX_HOTSPOT_INCIDENTS) {
    throw new BadInputError([
      {
        path: '/from',
        message: `more than ${MAX_HOTSPOT_INCIDENTS} incidents: narrow the period, area or kind`,
      },
    ]);
  }
  const current: Position[] = [];
  const previous: Position[] = [];
  for (const row of rows) {
    (row.occurredOn >= from ? current : previous).push([row.lon, row.lat]);
  }
  return {
    period: { from, to, days },
    previousPeriod: { from: previousFrom, to: previousTo, days },
    totals: { count: current.length, previousCount: previous.length },
    cells: hotspotCells(current, previous, query.resolution),
  };
}
