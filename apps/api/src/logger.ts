// The process logger (pino), shared by the database layer and Fastify.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from './config';

/** Credentials must never reach the logs, whoever logs a request, a body or a config. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'key',
  'csrfToken',
  '*.password',
  '*.passwordHash',
  '*.key',
  '*.keyHash',
  '*.csrfToken',
  '*.databaseUrl',
  '*.redisUrl',
  'databaseUrl',
  'redisUrl',
];

/** What the logs keep of an error (see describeError). */
export interface LoggedError {
  /** The class: `DatabaseError`, `TypeError`, `NoResultError`… */
  type: string;
  /** The first line of the message, credentials and SQL text withheld, at most 200 characters. */
  message: string;
  /** The SQLSTATE (pg) or system code (`ECONNREFUSED`), when there is one. */
  code?: string;
  /** `file:line:column` of the first stack frame in our own code (not node_modules). */
  at?: string;
  /** The same, one level down, for an error's `cause` or an AggregateError's first error. */
  cause?: LoggedError;
}

const MAX_MESSAGE = 200;
const described = new WeakSet<object>();

const SCRUBS: readonly [RegExp, string][] = [
  // Connection strings: scheme://user:password@host -> scheme://***@host
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@'],
  [/\b(bearer|basic)\s+\S+/gi, '$1 ***'],
  [
    /\b(password|passwd|pwd|secret|token|api[_-]?key|authorization|cookie)(\s*[=:]\s*)\S+/gi,
    '$1$2***',
  ],
  // SQL text (Kysely, pg and our own messages may quote a statement): cut from its start.
  [
    /\b(select\b.*\bfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|with\s+\S+\s+as\s*\().*$/i,
    '[SQL withheld]',
  ],
];

function safeMessage(message: string): string {
  let line = message.split('\n', 1)[0] ?? '';
  for (const [pattern, replacement] of SCRUBS) line = line.replace(pattern, replacement);
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

/**
 * Where the error was thrown, without the stack: the first frame outside node_modules and
 * Node's internals says which of our lines failed (a pg error's own top frame is always pg's
 * client.js), which is what one needs to start debugging; the rest of the stack is left out
 * because it can run to kilobytes per error and repeats the message (secrets, SQL) on line 1.
 */
function ownFrame(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const frame = /[(\s]((?:file:\/\/)?\/[^()\s]+:\d+:\d+)\)?\s*$/.exec(line)?.[1];
    if (frame && !frame.includes('/node_modules/')) return frame.replace(/^file:\/\//, '');
  }
  return undefined;
}

/**
 * An error as the logs keep it: class, safe message, code and our frame. Never the stack nor
 * any other property: pg errors carry the failing statement in `internalQuery` and `where`,
 * and row values in `detail`; other libraries attach requests, headers or configs.
 */
export function describeError(error: unknown, depth = 0): LoggedError {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error, message: safeMessage(String(error)) };
  }
  if (described.has(error)) return error as LoggedError;
  const fields = error as { message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const made = (error as { constructor?: unknown }).constructor; // none for Object.create(null)
  const logged: LoggedError = {
    type: typeof made === 'function' && made !== Object && made.name ? made.name : 'Error',
    message: safeMessage(typeof fields.message === 'string' ? fields.message : ''),
  };
  if (typeof fields.code === 'string' && /^[A-Z0-9_]{1,32}$/i.test(fields.code)) {
    logged.code = fields.code;
  }
  const at = ownFrame(fields.stack);
  if (at) logged.at = at;
  const inner = error instanceof AggregateError ? (error.errors[0] as unknown) : fields.cause;
  if (inner !== undefined && depth < 2) logged.cause = describeError(inner, depth + 1);
  described.add(logged);
  return logged;
}

/** Every `err` logged (by us, Fastify or the database layer) goes through describeError. */
const serializers = { err: (error: unknown) => describeError(error) };

export function createLogger(config: AppConfig, destination?: DestinationStream): Logger {
  if (destination) {
    return pino({ level: config.logLevel, redact: REDACTED_PATHS, serializers }, destination);
  }
  return pino({
    level: config.logLevel,
    redact: REDACTED_PATHS,
    serializers,
    // Readable lines in development; JSON lines (for log collectors) otherwise.
    ...(config.nodeEnv === 'development'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  });
}
