// Boundaries answer a revalidation without reading them: the ETag comes from the `boundaries`
// data version (migration 007: any write to countries or departments, by the seed or a
// migration, bumps it) and the request URL, so a 304 costs one shared version read. The bodies
// built for a (version, URL) are kept in a small LRU, so repeated 200s skip the query and the
// serialization too; a new version makes every kept body unreachable (and soon evicted).
import type { Database } from '@atlas/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { ifNoneMatchHits } from '../reference/http-cache';
import { currentDataVersion } from '../../lib/data-versions';

/** Bump when the GeoJSON the routes build changes shape for the same data (a new release). */
const REPRESENTATION = 'boundaries-geojson-1';
/** A country list at full detail is a few MB: a handful of bodies, and never more than this. */
const MAX_ENTRIES = 32;
const MAX_CHARS = 32 * 1024 * 1024; // JSON characters, about its bytes

export interface BoundaryAnswer {
  contentType: string;
  cacheControl: string;
  /** The value to send as JSON; throws (e.g. 404) when there is none. */
  build(): Promise<unknown>;
}

/** Strong: equal tags mean equal bytes (same data version, same URL, same representation). */
export function boundaryEtag(version: string, url: string): string {
  const identity = `${REPRESENTATION}|${version}|${url}`;
  return `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
}

/** Least recently used first (Map order); concurrent misses of one key share one build. */
class BodyCache {
  private readonly bodies = new Map<string, Promise<string>>();
  private readonly sizes = new Map<string, number>();
  private chars = 0;

  get(key: string, build: () => Promise<string>): Promise<string> {
    const kept = this.bodies.get(key);
    if (kept) {
      this.bodies.delete(key);
      this.bodies.set(key, kept);
      return kept;
    }
    const building = build();
    this.bodies.set(key, building);
    building.then(
      (body) => {
        this.settle(key, building, body.length);
      },
      () => {
        if (this.bodies.get(key) === building) this.bodies.delete(key);
      },
    );
    return building;
  }

  private settle(key: string, building: Promise<string>, size: number): void {
    if (this.bodies.get(key) !== building) return;
    this.sizes.set(key, size);
    this.chars += size;
    for (const oldest of this.bodies.keys()) {
      if (this.bodies.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) break;
      this.bodies.delete(oldest);
      this.chars -= this.sizes.get(oldest) ?? 0;
      this.sizes.delete(oldest);
    }
  }
}

/** Sends boundaries: 304 before anything is built when If-None-Match names the current tag. */
export function createBoundarySender(db: Kysely<Database>) {
  const cache = new BodyCache();
  return async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    answer: BoundaryAnswer,
  ): Promise<void> {
    // Version before data (as for tiles): a write in between puts newer data under the older
    // tag, which no later request asks for (versions only grow), never older data under a newer.
    const version = await currentDataVersion(db, ['boundaries']);
    const etag = boundaryEtag(version, request.url);
    const ifNoneMatch = request.headers['if-none-match'];
    // `*` matches only a resource that exists (RFC 9110 §13.1.2): build first to know.
    const wildcard = ifNoneMatch?.split(',').some((tag) => tag.trim() === '*') ?? false;
    if (!wildcard && ifNoneMatchHits(ifNoneMatch, etag)) {
      await reply
        .header('etag', etag)
        .header('cache-control', answer.cacheControl)
        .code(304)
        .send();
      return;
    }
    const body = await cache.get(etag, async () => JSON.stringify(await answer.build()));
    reply.header('etag', etag).header('cache-control', answer.cacheControl);
    if (ifNoneMatchHits(ifNoneMatch, etag)) {
      await reply.code(304).send();
      return;
    }
    // A string with a JSON content type is sent as is (no second serialization).
    await reply.code(200).type(answer.contentType).send(body);
  };
}
