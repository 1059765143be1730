// Audit events for users and API keys (the record collections have their own in src/registry).
// before/after are the public shapes: never a password hash or a key.
import type { AuditAction, Database } from '@atlas/db';
import type { Kysely } from 'kysely';
import type { AuditActor } from './principal';

export interface AccessAuditEvent {
  actor: AuditActor;
  action: AuditAction;
  entityType: 'user' | 'api_key';
  entityId: string;
  version: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function writeAccessAudit(db: Kysely<Database>, event: AccessAuditEvent) {
  await db
    .insertInto('auditEvents')
    .values({
      ...event.actor,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      version: event.version,
      before: event.before,
      after: event.after,
    })
    .execute();
}

/** The actor of changes made with the `atlas` command line (someone with database access). */
export const CLI_ACTOR: AuditActor = {
  actorType: 'system',
  actorId: null,
  actorLabel: 'atlas CLI',
};
