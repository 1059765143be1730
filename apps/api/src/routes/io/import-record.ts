// What a committed import leaves behind besides its records: the batch (who imported what,
// with the counts) and the column mapping remembered for the source.
import type { Database } from '@atlas/db';
import type { Transaction } from 'kysely';
import { auditActor } from '../../auth/principal';
import type { ImportReport, ImportRequest } from './importer';

export async function recordImport(
  trx: Transaction<Database>,
  request: ImportRequest,
  report: ImportReport,
  batchId: string,
): Promise<void> {
  const actor = auditActor(request.principal);
  await trx
    .insertInto('importBatches')
    .values({
      id: batchId,
      source: request.source,
      collection: request.collection,
      format: request.format,
      ...actor,
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
    })
    .execute();
  if (Object.keys(request.mapping).length === 0) return;
  await trx
    .insertInto('importSources')
    .values({
      source: request.source,
      collection: request.collection,
      mapping: request.mapping,
      updatedBy: actor.actorLabel,
    })
    .onConflict((oc) =>
      oc.columns(['source', 'collection']).doUpdateSet({
        mapping: request.mapping,
        updatedBy: actor.actorLabel,
        updatedAt: new Date(),
      }),
    )
    .execute();
}
