import Type, { type Static } from 'typebox';
import { ActorType, AuditAction, EntityType } from '../codes';
import { Nullable, Text, Timestamp, Uuid } from './common';

/** One change to one record (append-only). `before`/`after` are the record's JSON. */
export const AuditEvent = Type.Object(
  {
    id: Uuid,
    at: Timestamp,
    actorType: ActorType,
    /** The user's or API key's id; null for the system. */
    actorId: Nullable(Uuid),
    actorLabel: Text(300),
    action: AuditAction,
    /** Null only for system events that concern no single record (e.g. the sample seed). */
    entityType: Nullable(EntityType),
    entityId: Nullable(Uuid),
    version: Nullable(Type.Integer({ minimum: 1 })),
    before: Nullable(Type.Unknown()),
    after: Nullable(Type.Unknown()),
  },
  { additionalProperties: false, $id: 'AuditEvent' },
);
export type AuditEvent = Static<typeof AuditEvent>;
