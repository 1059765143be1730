/** An API call that failed: the HTTP status (0 when the server could not be reached) and why. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API is served from the app's own origin (Vite proxies it in development). */
const API_BASE = '/api/v1';

/** GET a JSON document from the API, turning network and HTTP failures into an ApiError. */
export async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      headers: { accept: 'application/json, application/geo+json' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'The Atlas API could not be reached.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await describeFailure(response));
  }
  return (await response.json()) as unknown;
}

/** A readable reason for an HTTP failure: the API's JSON `message` when there is one. */
async function describeFailure(response: Response): Promise<string> {
  const fallback = `The Atlas API answered ${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as unknown;
    if (isRecord(body) && typeof body.message === 'string' && body.message !== '') {
      return `${fallback}: ${body.message}`;
    }
  } catch {
    // Not JSON (a proxy error page, for instance): the status line is all we have.
  }
  return `${fallback}.`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
