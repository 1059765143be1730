import { type Static } from 'typebox';
import { codeUnion, type CodeEntry } from './code-list';

/** Roles of users (admin, coordinator, analyst) and of API keys (any, usually service). */
export const roles = [
  { code: 'admin', en: 'Administrator', es: 'Administrador' },
  { code: 'coordinator', en: 'Coordinator', es: 'Coordinador' },
  { code: 'analyst', en: 'Analyst', es: 'Analista' },
  { code: 'service', en: 'Service', es: 'Servicio' },
] as const satisfies readonly CodeEntry<string>[];

export const Role = codeUnion(roles, { title: 'Role' });
export type Role = Static<typeof Role>;

/** The roles a person (a User) may hold; `service` is for API keys only. */
export const userRoles = roles.filter((role) => role.code !== 'service');
export const UserRole = codeUnion(userRoles, { title: 'UserRole' });
export type UserRole = Exclude<Role, 'service'>;

export const auditActions = [
  { code: 'create', en: 'Create', es: 'Crear' },
  { code: 'update', en: 'Update', es: 'Actualizar' },
  { code: 'delete', en: 'Delete', es: 'Eliminar' },
  { code: 'restore', en: 'Restore', es: 'Restaurar' },
] as const satisfies readonly CodeEntry<string>[];

export const AuditAction = codeUnion(auditActions, { title: 'AuditAction' });
export type AuditAction = Static<typeof AuditAction>;

export const entityTypes = [
  { code: 'program', en: 'Program', es: 'Programa' },
  { code: 'site', en: 'Site', es: 'Sitio' },
  { code: 'corridor', en: 'Corridor', es: 'Corredor' },
  { code: 'community', en: 'Community', es: 'Comunidad' },
  { code: 'incident', en: 'Incident', es: 'Incidente' },
  { code: 'user', en: 'User', es: 'Usuario' },
  { code: 'api_key', en: 'API key', es: 'Clave de API' },
] as const satisfies readonly CodeEntry<string>[];

export const EntityType = codeUnion(entityTypes, { title: 'EntityType' });
export type EntityType = Static<typeof EntityType>;

/** Who made an audited change. */
export const actorTypes = [
  { code: 'user', en: 'User', es: 'Usuario' },
  { code: 'api_key', en: 'API key', es: 'Clave de API' },
  { code: 'system', en: 'System', es: 'Sistema' },
] as const satisfies readonly CodeEntry<string>[];

export const ActorType = codeUnion(actorTypes, { title: 'ActorType' });
export type ActorType = Static<typeof ActorType>;
