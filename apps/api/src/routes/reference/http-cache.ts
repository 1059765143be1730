// Conditional GET for read-only content (code lists, boundaries): a strong ETag from a hash of
// the exact bytes sent, `Cache-Control`, and 304 Not Modified when If-None-Match names it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

/** A strong entity tag for a body: the first 128 bits of its SHA-256, base64url. */
export function contentEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** RFC 9110 §13.1.2: `*` or any listed tag equal to `etag` under weak comparison. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const wanted = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === wanted);
}

export interface CacheableBody {
  /** The serialized JSON. */
  body: string;
  contentType: string;
  /** e.g. `public, max-age=3600`. */
  cacheControl: string;
}

/** Answers 304 (no body) when the client already has these bytes, else 200 with them. */
export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  { body, contentType, cacheControl }: CacheableBody,
): void {
  const etag = contentEtag(body);
  reply.header('etag', etag).header('cache-control', cacheControl);
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
    reply.code(304).send();
    return;
  }
  // A string with a JSON content type is sent as is (no second serialization).
  reply.code(200).type(contentType).send(body);
}
