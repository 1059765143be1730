// The two access errors. The error handler turns any error with a 4xx `statusCode` into a
// problem response that keeps the message, so the reason reaches the client.

/** 401: no usable credentials (or a revoked/unknown key, an expired session on a write…). */
export class AuthenticationError extends Error {
  readonly statusCode = 401;
  constructor(message = 'sign in or send an API key (Authorization: Bearer atlas_…)') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** 403: the principal is known but may not do this. */
export class AccessDeniedError extends Error {
  readonly statusCode = 403;
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}
