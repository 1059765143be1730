// One error shape for every failure: application/problem+json (src/lib/problem.ts).
// - request validation (and BadInputError) -> 400 with one reason per field;
// - database unreachable or a statement timeout -> 503 with a reason (clients may retry);
// - constraints the database refused -> 409 / 400 with a generic reason;
// - other 4xx errors keep their message; anything else is a 500 whose cause is only logged.
// Stack traces, SQL and connection strings never reach the client, nor the logs: errors are
// logged as describeError (src/logger.ts) makes them (class, safe message, SQLSTATE, our frame),
// explicitly here as well, so a logger not made by createLogger cannot log them whole.
import type { FastifyError, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { STATUS_CODES } from 'node:http';
import { describeError } from '../logger';
import {
  constraintViolation,
  databaseTimeoutReason,
  databaseUnavailableReason,
} from '../lib/database-errors';
import { PROBLEM_CONTENT_TYPE, problemBody, type ProblemFieldError } from '../lib/problem';
import { validationDetails, validationMessage } from '../lib/validation';

function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  errors?: readonly ProblemFieldError[],
) {
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(status, detail, errors));
}

export default fp(
  (app, _opts, done) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        const details = validationDetails(error.validation, error.validationContext ?? 'request');
        return sendProblem(reply, 400, validationMessage(details), details);
      }
      const unavailable = databaseUnavailableReason(error) ?? databaseTimeoutReason(error);
      if (unavailable) {
        request.log.warn({ err: describeError(error) }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendProblem(reply, 503, unavailable);
      }
      const refused = constraintViolation(error);
      if (refused) {
        request.log.info({ err: describeError(error) }, 'database constraint refused a change');
        return sendProblem(reply, refused.status, refused.reason);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) return sendProblem(reply, status, error.message);
      request.log.error({ err: describeError(error) }, 'request failed');
      return sendProblem(reply, status, STATUS_CODES[status] ?? 'Internal Server Error');
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, 404, `no route ${request.method} ${request.url.split('?')[0] ?? ''}`),
    );
    done();
  },
  { name: 'error-handler' },
);
