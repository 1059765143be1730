// Answers shared by /tiles and the OGC API Tiles routes: the access check of a tileset, and a
// tile with its ETag, Cache-Control and 304/204 handling.
import type { AtlasDatabase } from '@atlas/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticationError } from '../../auth/errors';
import { HttpError } from '../../registry';
import { ifNoneMatchHits } from '../reference/http-cache';
import { parseTileset, type Tileset } from './catalog';
import { checkFilters } from './filters';
import { renderTile, tileEtag } from './render';
import type { TileQuery } from './schemas';
import { tileKeyProblem, type TileKey } from './tile-grid';

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
/** Largest tile the layers are designed to produce (tests hold them to it). */
export const MAX_TILE_BYTES = 500 * 1024;

/**
 * Clients keep tiles but ask again each time (cheap: 304 from the data version), so no tile is
 * shown after an edit. Tiles of signed-in layers stay out of shared caches.
 */
export function cacheControlOf(tileset: Tileset): string {
  return tileset.access === 'public' ? 'public, no-cache' : 'private, no-cache';
}

/** The tileset named in the URL, if the caller may read it (404 unknown, 401 not signed in). */
export function readableTileset(request: FastifyRequest, id: string): Tileset {
  const tileset = parseTileset(id);
  if (tileset.access === 'read' && request.principal.role === null) {
    throw new AuthenticationError(
      `tileset '${id}' includes layers for signed-in users: sign in or send an API key`,
    );
  }
  return tileset;
}

export async function sendTile(
  database: AtlasDatabase,
  request: FastifyRequest,
  reply: FastifyReply,
  tileset: Tileset,
  key: TileKey,
  query: TileQuery,
): Promise<void> {
  const problem = tileKeyProblem(key);
  if (problem) throw new HttpError(404, `no such tile: ${problem}`);
  const tileRequest = { tileset, key, filters: checkFilters(tileset, query) };
  // The version is read before the data: a write in between yields newer data under the
  // older ETag (refetched on the next request), never older data under a newer ETag.
  const etag = await tileEtag(database, tileRequest);
  reply.header('etag', etag).header('cache-control', cacheControlOf(tileset));
  if (tileset.access === 'read') reply.header('vary', 'Authorization, Cookie');
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
    await reply.code(304).send();
    return;
  }
  const tile = await renderTile(database, tileRequest);
  if (tile.byteLength > MAX_TILE_BYTES) {
    request.log.warn({ tileset: tileset.id, ...key, bytes: tile.byteLength }, 'tile over 500 KB');
  }
  if (tile.byteLength === 0) {
    await reply.code(204).send(); // no feature touches this tile (docs/tiles.md)
    return;
  }
  await reply.code(200).type(MVT_CONTENT_TYPE).send(Buffer.from(tile));
}
