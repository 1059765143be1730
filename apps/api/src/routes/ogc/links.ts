// Absolute links (clients such as GDAL follow them from wherever the document was fetched).
import type { FastifyRequest } from 'fastify';

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const SCHEMA_TYPE = 'application/schema+json';
export const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

/** `http://host[:port]` of the request. */
export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The request URL with some query parameters replaced (the paging links). */
export function withQuery(request: FastifyRequest, changes: Record<string, string>): string {
  const url = new URL(request.url, baseUrl(request));
  for (const [name, value] of Object.entries(changes)) url.searchParams.set(name, value);
  return url.toString();
}
