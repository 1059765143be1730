// Errors the record machinery throws; the app's error handler turns each into problem+json.
import type { Problem } from '@atlas/domain';

/** An error with an HTTP status whose message is safe to show (4xx). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * 400 with a reason per field. Shaped like a schema validation failure of the body, so the
 * error handler reports it exactly like one (`errors: [{ path, message, location }]`).
 */
export class BadInputError extends Error {
  readonly statusCode = 400;
  readonly validationContext = 'body';
  readonly validation: { instancePath: string; keyword: string; message: string; params: object }[];
  constructor(problems: readonly Problem[]) {
    const shown = problems.slice(0, 20).map((problem) => `${problem.path} ${problem.message}`);
    const more = problems.length > 20 ? `; and ${problems.length - 20} more` : '';
    super(shown.join('; ') + more);
    this.name = 'BadInputError';
    this.validation = problems.map((problem) => ({
      instancePath: problem.path,
      keyword: 'rule',
      message: problem.message,
      params: {},
    }));
  }
}

export const notFound = (noun: string) => new HttpError(404, `no such ${noun}`);
