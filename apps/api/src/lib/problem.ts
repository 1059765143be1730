// RFC 9457 problem details (docs/api-conventions.md, "Errors"): `{ type, title, status, detail,
// errors? }`. The older fields `statusCode`, `error`, `message` and `details` are kept alongside
// because the admin app's error banner (and older clients) read `message`.
import { STATUS_CODES } from 'node:http';
import Type from 'typebox';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One reason per offending value: a JSON pointer within the request part, and why. */
export interface ProblemFieldError {
  path: string;
  message: string;
  /** Which part of the request: body, querystring, params, headers. */
  location?: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
  /** Legacy mirror of `status`. */
  statusCode: number;
  /** Legacy mirror of `title`. */
  error: string;
  /** Legacy mirror of `detail` (the admin app shows it). */
  message: string;
  /** Legacy mirror of `errors`. */
  details?: ProblemFieldError[];
}

export function problemBody(
  status: number,
  detail: string,
  errors?: readonly ProblemFieldError[],
): ProblemBody {
  const title = STATUS_CODES[status] ?? 'Error';
  const list = errors === undefined ? undefined : [...errors];
  return {
    type: 'about:blank',
    title,
    status,
    detail,
    ...(list === undefined ? {} : { errors: list }),
    statusCode: status,
    error: title,
    message: detail,
    ...(list === undefined ? {} : { details: list }),
  };
}

const FieldErrorSchema = Type.Object({
  path: Type.String({ description: 'JSON pointer to the value within its request part' }),
  message: Type.String(),
  location: Type.Optional(Type.String({ description: 'body, querystring, params or headers' })),
});

/** The problem+json body, for route `response` schemas and OpenAPI. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    statusCode: Type.Integer({ description: 'Same as status (kept for older clients)' }),
    error: Type.String({ description: 'Same as title (kept for older clients)' }),
    message: Type.String({ description: 'Same as detail (kept for older clients)' }),
    details: Type.Optional(Type.Array(FieldErrorSchema, { description: 'Same as errors' })),
  },
  { title: 'Problem' },
);

/** `response` entries for the given error statuses, all problem+json. */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  const content = { content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } };
  return Object.fromEntries(statuses.map((status) => [status, content]));
}
