// POST /api/v1/incidents/bulk: up to 5,000 incidents, all or nothing. Every item is checked
// (schema, geometry by ST_IsValid, country scope, id clashes) before anything is written; then
// one transaction inserts them and writes one `create` audit event per incident, so each
// incident's history starts at version 1 like a single create.
import { asGeoJSON, type Database } from '@atlas/db';
import { IncidentInput, type Problem } from '@atlas/domain';
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

/** Every reason an item cannot be written (all items are checked, not only the first). */
async function problemsOf(db: Kysely<Database>, items: readonly IncidentInput[]) {
  const problems: Problem[] = items.flatMap((item, index) => {
    const path = `/incidents/${index}/geometry`;
    return [
      ...geometryShapeProblems(item.geometry, path),
      ...altitudeProblems(item.geometry, path),
    ];
  });
  if (problems.length > 0) return problems;
  const reasons = await invalidGeometryReasons(
    db,
    items.map((item) => item.geometry),
  );
  for (const [index, reason] of [...reasons].sort(([a], [b]) => a - b)) {
    problems.push({ path: `/incidents/${index}/geometry`, message: `invalid geometry: ${reason}` });
  }
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push({ path: `/incidents/${index}/id`, message: `same id as item ${first}` });
    } else seen.set(item.id, index);
  });
  const ids = [...seen.keys()];
  for (const part of chunks(ids)) {
    const taken = await db.selectFrom('incidents').select('id').where('id', 'in', part).execute();
    for (const row of taken) {
      problems.push({
        path: `/incidents/${seen.get(row.id)}/id`,
        message: 'an incident with this id already exists',
      });
    }
  }
  return problems;
}

function assertScope(principal: Principal, items: readonly IncidentInput[]): void {
  const denied = items.flatMap((item, index) => {
    const reason = writeDenialReason(principal, [item.country]);
    return reason === null ? [] : [`item ${index}: ${reason}`];
  });
  if (denied.length > 0) {
    const more = denied.length > 20 ? `; and ${denied.length - 20} more` : '';
    throw new AccessDeniedError(denied.slice(0, 20).join('; ') + more);
  }
}

async function insertAll(
  db: Kysely<Database>,
  principal: Principal,
  items: readonly IncidentInput[],
): Promise<string[]> {
  const actor = auditActor(principal);
  return db.transaction().execute(async (trx) => {
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
  });
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
      assertScope(request.principal, items);
      const problems = await problemsOf(app.db, items);
      if (problems.length > 0) throw new BadInputError(problems);
      const ids = await insertAll(app.db, request.principal, items);
      reply.code(201);
      return { created: ids.length, ids };
    },
  );
  done();
};
