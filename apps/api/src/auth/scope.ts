// Role and country-scope checks that routes call with the record's countries (before and after
// a change). The policy table already refused principals whose role may not write at all.
import type { Principal } from './principal';
import { AccessDeniedError } from './errors';

/** Any signed-in user or key may read the non-public collections. */
export function canRead(principal: Principal): boolean {
  return principal.role !== null;
}

/** Why `principal` may not change a record in `countries`; null when it may. */
export function writeDenialReason(
  principal: Principal,
  countries: readonly (string | null | undefined)[],
): string | null {
  if (principal.role === null) return 'sign in to change records';
  if (principal.role === 'analyst') return 'analysts may read but not change records';
  if (principal.countries === null) return null;
  const known = countries.filter((country): country is string => typeof country === 'string');
  if (known.length === 0) {
    // A record outside every country (e.g. a point at sea) belongs to no coordinator's scope.
    return `the record is in no country; only principals without a country limit may change it`;
  }
  const outside = [
    ...new Set(known.filter((country) => !principal.countries!.includes(country as never))),
  ];
  if (outside.length === 0) return null;
  return (
    `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside your country scope ` +
    `(${principal.countries.join(', ')})`
  );
}

export function canWrite(principal: Principal, countries: readonly (string | null | undefined)[]) {
  return writeDenialReason(principal, countries) === null;
}

/** Throws 403 with the reason unless `principal` may change a record in all of `countries`. */
export function assertCanWrite(
  principal: Principal,
  countries: readonly (string | null | undefined)[],
): void {
  const reason = writeDenialReason(principal, countries);
  if (reason !== null) throw new AccessDeniedError(reason);
}
