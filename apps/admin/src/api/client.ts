// The one way the app talks to the API: same origin, JSON in and out, the session's CSRF token
// on every write, `If-Match` when a version is given, and problem+json turned into an ApiError.

/** One field-level problem of a 400 answer: a JSON Pointer into the body and why. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An RFC 9457 problem document as the API sends it. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** An API call that failed: the HTTP status (0 when the server could not be reached) and why. */
export class ApiError extends Error {
  readonly problem: ProblemDetails | undefined;
  constructor(
    readonly status: number,
    message: string,
    problem?: ProblemDetails,
  ) {
    super(message);
    this.name = 'ApiError';
    this.problem = problem;
  }

  /** The field-level problems of a 400 (empty otherwise). */
  get fieldErrors(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }
}

/** The API is served from the app's own origin (Vite proxies it in development). */
export const API_BASE = '/api/v1';
const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | undefined;

/** Set by the session: the token sent back with every cookie-authenticated write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API answers 401 to a signed-in call (the session expired elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

/** Report a 401 from a call made outside apiFetch (the import's XHR): the session signs out. */
export function notifyUnauthorized(): void {
  onUnauthorized?.();
}

export interface ApiRequest extends Omit<RequestInit, 'body'> {
  /** A value sent as the JSON body. */
  json?: unknown;
  /** A raw body (FormData, Blob, text), sent as is. */
  body?: BodyInit;
  /** The version the change is based on: sent as `If-Match: "<version>"`. */
  ifMatch?: number | string;
}

/** `/api/…`, `/ogc/…`, `/tiles/…` and `/health/…` are used as given; anything else is under /api/v1. */
export function apiUrl(path: string): string {
  if (/^(https?:)?\/\//.test(path) || /^\/(api|ogc|tiles|health)\//.test(path)) return path;
  return `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Fetch from the API. Adds the CSRF token to writes and `If-Match` when asked; resolves with the
 * response when it is 2xx (or 304), otherwise throws an ApiError carrying the problem document.
 */
export async function apiFetch(path: string, request: ApiRequest = {}): Promise<Response> {
  const { json, ifMatch, body, headers: given, ...init } = request;
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(given);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (json !== undefined) headers.set('content-type', 'application/json');
  if (UNSAFE_METHODS.has(method) && csrfToken) headers.set(CSRF_HEADER, csrfToken);
  if (ifMatch !== undefined) headers.set('if-match', quoteEtag(ifMatch));

  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      credentials: 'same-origin',
      ...init,
      method,
      headers,
      body: json !== undefined ? JSON.stringify(json) : body,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, 'The Atlas API could not be reached.');
  }
  if (response.ok || response.status === 304) return response;
  const problem = await readProblem(response);
  if (response.status === 401 && !path.includes('/auth/')) notifyUnauthorized();
  throw new ApiError(response.status, describe(response, problem), problem);
}

/** apiFetch, then the JSON body and the record version from the `ETag` header (if any). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's type
export async function apiJson<T>(
  path: string,
  request: ApiRequest = {},
): Promise<{ data: T; version: number | undefined }> {
  const response = await apiFetch(path, request);
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, version: versionOf(response) };
}

/** GET a JSON document from the API (kept for simple reads). */
export async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const { data } = await apiJson<unknown>(path, { signal });
  return data;
}

/** The record version an `ETag: "7"` header names. */
export function versionOf(response: Response): number | undefined {
  const etag = response.headers.get('etag');
  const match = etag ? /^(?:W\/)?"?(\d+)"?$/.exec(etag) : null;
  return match ? Number(match[1]) : undefined;
}

function quoteEtag(version: number | string): string {
  const text = String(version);
  return text.startsWith('"') || text.startsWith('W/') ? text : `"${text}"`;
}

async function readProblem(response: Response): Promise<ProblemDetails | undefined> {
  try {
    const body = (await response.json()) as unknown;
    if (!isRecord(body)) return undefined;
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(isRecord).map((error) => ({
          path: typeof error.path === 'string' ? error.path : '',
          message: typeof error.message === 'string' ? error.message : '',
        }))
      : undefined;
    const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
    return {
      type: text('type'),
      title: text('title') ?? text('error'),
      status: typeof body.status === 'number' ? body.status : response.status,
      detail: text('detail') ?? text('message'),
      errors,
    };
  } catch {
    // Not JSON (a proxy error page, for instance): the status line is all we have.
    return undefined;
  }
}

function describe(response: Response, problem: ProblemDetails | undefined): string {
  const fallback = `The Atlas API answered ${response.status} ${response.statusText}`.trim();
  return problem?.detail ? `${fallback}: ${problem.detail}` : `${fallback}.`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
