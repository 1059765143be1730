// New incidents are imported in batches (a file may hold hundreds of thousands): the checks of
// POST /api/v1/incidents — shape, 2-D, ST_IsValid, country scope — for the whole batch at once,
// then one INSERT and one audit INSERT per batch, like POST /api/v1/incidents/bulk. Each
// incident's history starts with a `create` event at version 1 by the importing principal.
import { asGeoJSON, type Database } from '@atlas/db';
import type { IncidentInput } from '@atlas/domain';
import type { Kysely } from 'kysely';
import { auditActor, type Principal } from '../../auth/principal';
import { writeDenialReason } from '../../auth/scope';
import { geometryShapeProblems } from '../../registry';
import { altitudeProblems, invalidGeometryReasons } from '../corridors/layer-geometry';
import { incidentValues } from '../incidents/records';
import { incidentRecord } from '../incidents/repository';
import type { IncidentOutput } from '../incidents/schemas';
import type { RowProblem } from './mapping';

export interface NewIncident {
  row: number;
  id: string | undefined;
  input: IncidentInput;
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

/** Every reason the batch's incidents cannot be created; [] when all can. */
export async function newIncidentProblems(
  trx: Kysely<Database>,
  principal: Principal,
  items: readonly NewIncident[],
): Promise<{ problems: RowProblem[]; denied: number }> {
  const problems: RowProblem[] = [];
  let denied = 0;
  const shaped: NewIncident[] = [];
  for (const item of items) {
    const shape = [
      ...geometryShapeProblems(item.input.geometry, '/geometry'),
      ...altitudeProblems(item.input.geometry, '/geometry'),
    ];
    for (const problem of shape) {
      problems.push({ row: item.row, field: 'geometry', message: problem.message });
    }
    if (shape.length === 0) shaped.push(item);
    const reason = writeDenialReason(principal, [item.input.country]);
    if (reason !== null) {
      denied += 1;
      problems.push({ row: item.row, field: 'country', message: reason });
    }
  }
  const reasons = await invalidGeometryReasons(
    trx,
    shaped.map((item) => item.input.geometry),
  );
  for (const [index, reason] of reasons) {
    problems.push({
      row: shaped[index]!.row,
      field: 'geometry',
      message: `invalid geometry: ${reason}`,
    });
  }
  return { problems, denied };
}

/** Inserts the (checked) incidents and their audit events; returns the new ids in order. */
export async function insertIncidents(
  trx: Kysely<Database>,
  principal: Principal,
  items: readonly NewIncident[],
): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await trx
    .insertInto('incidents')
    .values(
      items.map((item) => ({ ...(item.id ? { id: item.id } : {}), ...incidentValues(item.input) })),
    )
    .returning(RETURNED)
    .returning(asGeoJSON<IncidentOutput['geometry']>('geom').as('geometry'))
    .execute();
  const records = rows.map(incidentRecord);
  const actor = auditActor(principal);
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
  return records.map((record) => record.id);
}
