// Who is making a request. Every request has one (`request.principal`): anonymous until the auth
// plugin recognises a session cookie or an API key. See docs/api-conventions.md.
import type { ActorType, CountryCode, UserRole } from '@atlas/domain';

export type PrincipalKind = 'anonymous' | 'user' | 'api_key';
export type PrincipalRole = UserRole;

export interface Principal {
  kind: PrincipalKind;
  /** The user's or API key's id; null when anonymous. */
  id: string | null;
  /** Human-readable: the user's e-mail or the key's name (audit `actorLabel`). */
  label: string;
  role: PrincipalRole | null;
  /** null = no country limit; otherwise the countries this principal may change. */
  countries: CountryCode[] | null;
}

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous',
  id: null,
  label: 'anonymous',
  role: null,
  countries: null,
});

export interface AuditActor {
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
}

/** The audit columns for a change made by `principal` (signed in: routes never see anonymous). */
export function auditActor(principal: Principal): AuditActor {
  if (principal.kind === 'anonymous' || principal.id === null) {
    throw new Error('an anonymous request cannot be audited: the policy should have refused it');
  }
  return { actorType: principal.kind, actorId: principal.id, actorLabel: principal.label };
}
