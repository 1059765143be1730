import { expect } from 'vitest';

/** Asserts that the database rejected the statement with the given SQLSTATE. */
export async function expectSqlState(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'the database accepted the statement').toBeInstanceOf(Error);
  expect((error as { code?: string }).code).toBe(code);
}

export const CHECK_VIOLATION = '23514';
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const INSUFFICIENT_PRIVILEGE = '42501';
