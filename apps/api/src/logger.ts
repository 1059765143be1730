// The process logger (pino), shared by the database layer and Fastify.
import { pino, type Logger } from 'pino';
import type { AppConfig } from './config';

export function createLogger(config: AppConfig): Logger {
  return pino({
    level: config.logLevel,
    // Credentials must never reach the logs.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
    // Readable lines in development; JSON lines (for log collectors) otherwise.
    ...(config.nodeEnv === 'development'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  });
}
