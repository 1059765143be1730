// Audit events of record changes: written with the transaction of the change (so neither is
// kept without the other) and read back as a record's history. Rows are append-only (the
// database rejects UPDATE/DELETE on audit_events).
import type { AuditAction, Database, EntityType } from '@atlas/db';
import type { Kysely } from 'kysely';
import { auditActor, type Principal } from '../auth/principal';

export interface AuditChange {
  principal: Principal;
  action: AuditAction;
  entityType: EntityType;
  entityId: string;
  /** The record's version after the change. */
  version: number;
  before: object | null;
  after: object | null;
}

/** Writes one audit event; pass the change's transaction. */
export async function writeAudit(trx: Kysely<Database>, change: AuditChange): Promise<void> {
  await trx
    .insertInto('auditEvents')
    .values({
      ...auditActor(change.principal),
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      version: change.version,
      before: change.before as Record<string, unknown> | null,
      after: change.after as Record<string, unknown> | null,
    })
    .execute();
}

export interface HistoryEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A record's audit events, oldest first. */
export async function readHistory(
  db: Kysely<Database>,
  entityType: EntityType,
  entityId: string,
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .selectAll()
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .orderBy('version')
    .orderBy('at')
    .execute();
  return rows.map((row) => ({
    ...row,
    at: row.at.toISOString(),
    entityType,
    entityId,
    version: row.version ?? 0,
  }));
}

/** The record as it was at `version` (the `after` of the event that made it), or null. */
export async function snapshotAt(
  db: Kysely<Database>,
  entityType: EntityType,
  entityId: string,
  version: number,
): Promise<Record<string, unknown> | null> {
  const event = await db
    .selectFrom('auditEvents')
    .select('after')
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .where('version', '=', version)
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return event?.after ?? null;
}
