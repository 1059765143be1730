// Per-route rewrite of the schema that documents a route (never the one that validates it):
// - named schemas become `$ref`s to their components (the document stays small and the names
//   match the domain's `$id`s);
// - the security requirement and the error answers come from the access policy, so every
//   operation lists its 401/403 (and 400/413 when it takes input) with the problem+json body;
// - `default` documents every other error (500) with the same body.
import { accessFor, type Access } from '../auth/policy';
import { PROBLEM_CONTENT_TYPE } from '../lib/problem';
import { componentNameOf, PROBLEM_COMPONENT } from './components';

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy where every named schema is replaced by a `$ref` to its component. */
export function referenceComponents(value: unknown, isRoot = true): unknown {
  if (Array.isArray(value)) return value.map((item) => referenceComponents(item, false));
  if (!isPlainObject(value)) return value;
  const name = isRoot ? undefined : componentNameOf(value);
  if (name !== undefined) return { $ref: `#/components/schemas/${name}` };
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, referenceComponents(item, false)]),
  );
}

const problemAnswer = (description: string) => ({
  description,
  content: {
    [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_COMPONENT}` } },
  },
});

const ERROR_DESCRIPTIONS: Record<string, string> = {
  400: 'Bad input: a reason per field (problem+json)',
  401: 'Not signed in, or the API key is unknown or revoked',
  403: 'Not allowed: the role, the country scope or a missing CSRF token',
  404: 'No such record',
  409: 'Conflicts with the stored data',
  412: 'Stale If-Match: the record has changed',
  413: 'The body is over 1 MiB',
  428: 'If-Match is required',
  429: 'Too many requests (see Retry-After)',
  503: 'The database is unavailable or a statement timed out (retry later)',
  default: 'Any other error (problem+json, never a stack trace)',
};

function securityFor(access: Access, method: string) {
  if (access === 'public') return undefined;
  const session = method === 'GET' ? { session: [] } : { session: [], csrfToken: [] };
  return [{ apiKey: [] }, session];
}

/** The error statuses every route with this access and these inputs can answer. */
function impliedErrors(access: Access, schema: Json, url: string): string[] {
  const statuses: string[] = ['default'];
  // Every /api route reads the database (a signed-in caller's session or key at least).
  if (url.startsWith('/api/')) statuses.push('503');
  if (schema.body || schema.querystring || schema.params || schema.headers) statuses.push('400');
  if (access !== 'public') statuses.push('401');
  if (access === 'write' || access === 'admin') statuses.push('403');
  if (schema.body) statuses.push('413');
  return statuses;
}

function descriptionOf(status: string): string {
  return ERROR_DESCRIPTIONS[status] ?? `Error ${status}`;
}

export interface TransformInput {
  schema: unknown;
  url: string;
  route: { method: string | string[] };
}

export function documentRoute({ schema, url, route }: TransformInput) {
  const documented = (referenceComponents(schema ?? {}) ?? {}) as Json;
  const method = Array.isArray(route.method) ? (route.method[0] ?? 'GET') : route.method;
  const access = accessFor(method, url);
  if (access === undefined) return { schema: documented, url };

  const responses: Json = isPlainObject(documented.response) ? { ...documented.response } : {};
  for (const [status, answer] of Object.entries(responses)) {
    // Error answers declared by a route keep their schema and get a description.
    if (/^[45]\d\d$/.test(status) && isPlainObject(answer) && !answer.description) {
      responses[status] = { description: descriptionOf(status), ...answer };
    }
  }
  for (const status of impliedErrors(access, documented, url)) {
    responses[status] ??= problemAnswer(descriptionOf(status));
  }
  const security = securityFor(access, method);
  return {
    schema: { ...documented, response: responses, ...(security ? { security } : {}) },
    url,
  };
}
