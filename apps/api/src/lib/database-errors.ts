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
