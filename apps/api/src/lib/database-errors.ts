// Recognises "the database is not reachable" among the errors pg and Kysely throw, so the API
// can answer 503 (retry later) rather than 500 (a bug). Reasons never include connection
// strings or SQL.

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

const CONNECTION_MESSAGES: readonly [RegExp, string][] = [
  [/driver has already been destroyed/i, 'the database connection is closed'],
  [/Cannot use a pool after calling end/i, 'the database connection is closed'],
  [/Connection terminated/i, 'the database connection was lost'],
  [/timeout exceeded when trying to connect/i, 'timed out connecting to the database'],
  [/Client has encountered a connection error/i, 'the database connection failed'],
];

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A short, safe reason when `error` means the database is unavailable; otherwise null. */
export function databaseUnavailableReason(error: unknown): string | null {
  const code = errorCode(error);
  if (code && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) {
    return `the database is unreachable (${code})`;
  }
  const message = error instanceof Error ? error.message : '';
  for (const [pattern, reason] of CONNECTION_MESSAGES) {
    if (pattern.test(message)) return reason;
  }
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = databaseUnavailableReason(inner);
      if (reason) return reason;
    }
  }
  return null;
}

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Rejects with TimeoutError when `promise` takes longer than `ms` (the timer never lingers). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TimeoutError(what, ms));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A short reason when the database cancelled a statement that ran too long; otherwise null. */
export function databaseTimeoutReason(error: unknown): string | null {
  const code = errorCode(error);
  if (code === '57014') return 'the database did not answer in time (statement timeout)';
  if (code === '55P03') return 'the record is locked by another change (lock timeout)';
  return null;
}

/**
 * The status and a safe reason for a constraint the database refused (a race the checks before
 * the write could not see), or null. The constraint's name and the SQL are never shown.
 */
export function constraintViolation(error: unknown): { status: number; reason: string } | null {
  switch (errorCode(error)) {
    case '23505':
      return { status: 409, reason: 'conflicts with an existing record (a unique value is taken)' };
    case '23503':
      return { status: 409, reason: 'refers to a record that does not exist' };
    case '23514':
    case '23502':
    case '22P02':
      return { status: 400, reason: 'a value breaks a rule of the stored record' };
    case '22021':
      return { status: 400, reason: 'a text contains a character that cannot be stored (NUL)' };
    default:
      return null;
  }
}
