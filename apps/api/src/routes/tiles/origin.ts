import type { FastifyRequest } from 'fastify';

/** Scheme, host and port the client used (for absolute URLs in TileJSON and OGC links). */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
