// Creating many incidents at once, shared by POST /api/v1/incidents/bulk (up to 5,000, all or
// nothing) and the importer (src/routes/io, batches of a file of any size). Every item is
// checked — shape, 2-D, ST_IsValid, id clashes, country scope — before anything is written;
// then one INSERT and one audit INSERT per chunk of 500, so each incident's history starts with
// a `create` event at version 1, as after a single create.
import { asGeoJSON, type Database } from '@atlas/db';
import { IncidentInput } from '@atlas/domain';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import Type from 'typebox';
import { problemResponses } from '../../lib/problem';
import { auditActor, type Principal } from '../../auth/principal';
import { writeDenialReason } from '../../auth/scope';
import { AccessDeniedError } from '../../auth/errors';
import { BadInputError, geometryShapeProblems } from '../../registry';
import { altitudeProblems, invalidGeometryReasons } from '../corridors/layer-geometry';
import { incidentValues } from './records';
import { incidentRecord } from './repository';
import type { IncidentOutput } from './schemas';

export const MAX_BULK_INCIDENTS = 5000;
/** 5,000 incidents with descriptions do not fit the 1 MiB default. */
export const BULK_BODY_LIMIT = 8 * 1024 * 1024;
const CHUNK = 500;

export const BulkIncidentBody = Type.Object(
  { incidents: Type.Array(IncidentInput, { minItems: 1, maxItems: MAX_BULK_INCIDENTS }) },
  { additionalProperties: false },
);

export const BulkIncidentResult = Type.Object({
  created: Type.Integer({ minimum: 1 }),
  ids: Type.Array(Type.String({ format: 'uuid' }), { description: 'In the order sent' }),
});

/** Why the item at `index` (of the list checked) cannot be created. */
export interface IncidentItemProblem {
  index: number;
  field: 'geometry' | 'id' | 'country';
  message: string;
}

const RETURNED = [
  'id',
  'kind',
  'occurredOn',
  'country',
  'threat',
  'quantity',
  'unit',
  'description',
  'source',
  'illustrative',
  'version',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    result.push(items.slice(start, start + CHUNK));
  }
  return result;
}

/** Ids given twice in the list, or already taken by an incident (deleted or not). */
async function idProblems(db: Kysely<Database>, items: readonly IncidentInput[]) {
  const problems: IncidentItemProblem[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push({ index, field: 'id', message: `same id as item ${first}` });
    } else seen.set(item.id, index);
  });
  for (const part of chunks([...seen.keys()])) {
    const taken = await db.selectFrom('incidents').select('id').where('id', 'in', part).execute();
    for (const row of taken) {
      const index = seen.get(row.id)!;
      problems.push({ index, field: 'id', message: 'an incident with this id already exists' });
    }
  }
  return problems;
}

/** Every reason the incidents cannot be created (every item is checked), by item index. */
export async function newIncidentProblems(
  db: Kysely<Database>,
  principal: Principal,
  items: readonly IncidentInput[],
): Promise<IncidentItemProblem[]> {
  const problems: IncidentItemProblem[] = [];
  const shaped: number[] = [];
  items.forEach((item, index) => {
    const reason = writeDenialReason(principal, [item.country]);
    if (reason !== null) problems.push({ index, field: 'country', message: reason });
    const shape = [
      ...geometryShapeProblems(item.geometry, '/geometry'),
      ...altitudeProblems(item.geometry, '/geometry'),
    ];
    for (const { message } of shape) problems.push({ index, field: 'geometry', message });
    if (shape.length === 0) shaped.push(index);
  });
  const reasons = await invalidGeometryReasons(
    db,
    shaped.map((index) => items[index]!.geometry),
  );
  for (const [position, reason] of [...reasons].sort(([a], [b]) => a - b)) {
    const index = shaped[position]!;
    problems.push({ index, field: 'geometry', message: `invalid geometry: ${reason}` });
  }
  problems.push(...(await idProblems(db, items)));
  return problems;
}

/** Inserts checked incidents and their audit events (inside `trx`); the new ids, in order. */
export async function insertIncidents(
  trx: Kysely<Database>,
  principal: Principal,
  items: readonly IncidentInput[],
): Promise<string[]> {
  const actor = auditActor(principal);
  const ids: string[] = [];
  for (const part of chunks(items)) {
    const rows = await trx
      .insertInto('incidents')
      .values(
        part.map((item) => ({ ...(item.id ? { id: item.id } : {}), ...incidentValues(item) })),
      )
      .returning(RETURNED)
      .returning(asGeoJSON<IncidentOutput['geometry']>('geom').as('geometry'))
      .execute();
    const records = rows.map(incidentRecord);
    await trx
      .insertInto('auditEvents')
      .values(
        records.map((record) => ({
          ...actor,
          action: 'create' as const,
          entityType: 'incident' as const,
          entityId: record.id,
          version: record.version,
          before: null,
          after: record,
        })),
      )
      .execute();
    ids.push(...records.map((record) => record.id));
  }
  return ids;
}

/** 403 naming the items outside the caller's scope (the first 20). */
function assertScope(problems: readonly IncidentItemProblem[]): void {
  const denied = problems
    .filter((problem) => problem.field === 'country')
    .map((problem) => `item ${problem.index}: ${problem.message}`);
  if (denied.length > 0) {
    const more = denied.length > 20 ? `; and ${denied.length - 20} more` : '';
    throw new AccessDeniedError(denied.slice(0, 20).join('; ') + more);
  }
}

export const bulkIncidentRoute: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.post(
    '/api/v1/incidents/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags: ['incidents'],
        summary: `Create up to ${MAX_BULK_INCIDENTS} incidents at once (all or nothing)`,
        description:
          'Either every incident is created or none: one bad item answers 400 listing each bad ' +
          "item's index and reason (paths /incidents/<index>/…), an item outside the caller's " +
          'country scope answers 403. One audit event (create, version 1) per incident. Bodies ' +
          `up to ${BULK_BODY_LIMIT / 1024 / 1024} MiB.`,
        body: BulkIncidentBody,
        response: { 201: BulkIncidentResult, ...problemResponses(400, 401, 403, 409, 413, 503) },
      },
    },
    async (request, reply) => {
      const items = request.body.incidents;
      const problems = await newIncidentProblems(app.db, request.principal, items);
      assertScope(problems);
      if (problems.length > 0) {
        throw new BadInputError(
          problems.map(({ index, field, message }) => ({
            path: `/incidents/${index}/${field}`,
            message,
          })),
        );
      }
      const ids = await app.db
        .transaction()
        .execute((trx) => insertIncidents(trx, request.principal, items));
      reply.code(201);
      return { created: ids.length, ids };
    },
  );
  done();
};
