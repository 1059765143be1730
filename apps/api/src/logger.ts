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

export function createLogger(config: AppConfig, destination?: DestinationStream): Logger {
  if (destination) {
    return pino({ level: config.logLevel, redact: REDACTED_PATHS }, destination);
  }
  return pino({
    level: config.logLevel,
    redact: REDACTED_PATHS,
    // Readable lines in development; JSON lines (for log collectors) otherwise.
    ...(config.nodeEnv === 'development'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  });
}
