// Country scope: what assertCanWrite lets each principal change.
import { describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../src/auth/errors';
import { ANONYMOUS, type Principal } from '../src/auth/principal';
import { assertCanWrite, canRead, canWrite } from '../src/auth/scope';

const principal = (
  role: Principal['role'],
  countries: Principal['countries'] = null,
): Principal => ({
  kind: 'user',
  id: '11111111-1111-4111-8111-111111111111',
  label: 'someone@example.org',
  role,
  countries,
});

describe('country scope', () => {
  const admin = principal('admin');
  const coordinator = principal('coordinator', ['GT', 'HN']);
  const unscoped = principal('coordinator');
  const analyst = principal('analyst');

  it('lets admins and unscoped coordinators change anything', () => {
    expect(canWrite(admin, ['BZ', 'PA'])).toBe(true);
    expect(canWrite(unscoped, ['MX'])).toBe(true);
    expect(canWrite(unscoped, [])).toBe(true);
  });

  it('lets a scoped coordinator change records only when all countries are in scope', () => {
    expect(canWrite(coordinator, ['GT'])).toBe(true);
    expect(canWrite(coordinator, ['GT', 'HN', 'GT'])).toBe(true);
    expect(canWrite(coordinator, ['GT', 'SV'])).toBe(false);
    expect(canWrite(coordinator, [])).toBe(false);
    expect(canWrite(coordinator, [null])).toBe(false);
  });

  it('throws 403 with the reason', () => {
    let caught: unknown;
    try {
      assertCanWrite(coordinator, ['GT', 'SV', 'PA']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AccessDeniedError);
    expect((caught as AccessDeniedError).statusCode).toBe(403);
    expect((caught as Error).message).toBe('SV, PA are outside your country scope (GT, HN)');
    expect(() => {
      assertCanWrite(analyst, ['GT']);
    }).toThrow(/analysts may read but not change/);
    expect(() => {
      assertCanWrite(ANONYMOUS, ['GT']);
    }).toThrow(AccessDeniedError);
  });

  it('lets any signed-in principal read', () => {
    expect(canRead(analyst)).toBe(true);
    expect(canRead(coordinator)).toBe(true);
    expect(canRead(ANONYMOUS)).toBe(false);
  });
});
