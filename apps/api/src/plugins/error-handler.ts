// One error shape for every failure: { statusCode, error, message, details? }.
// - request validation -> 400 with one detail per bad value;
// - database unreachable -> 503 with a reason (clients may retry);
// - other 4xx errors keep their message; anything else is a 500 whose cause is only logged.
// Stack traces, SQL and connection strings never reach the client.
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { STATUS_CODES } from 'node:http';
import { databaseUnavailableReason } from '../lib/database-errors';
import { validationDetails, validationMessage } from '../lib/validation';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

function body(statusCode: number, message: string, details?: unknown): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    ...(details === undefined ? {} : { details }),
  };
}

export default fp(
  (app, _opts, done) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        const details = validationDetails(error.validation, error.validationContext ?? 'request');
        return reply.code(400).send(body(400, validationMessage(details), details));
      }
      const unavailable = databaseUnavailableReason(error);
      if (unavailable) {
        request.log.warn({ err: error }, 'database unavailable');
        return reply.code(503).header('retry-after', '5').send(body(503, unavailable));
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return reply.code(status).send(body(status, error.message));
      }
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send(body(status, STATUS_CODES[status] ?? 'Internal Server Error'));
    });
    done();
  },
  { name: 'error-handler' },
);
