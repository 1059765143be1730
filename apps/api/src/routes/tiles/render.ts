// One tile: which encoder (from the capabilities probe, never the mode), its ETag, its bytes.
import type { AtlasDatabase } from '@atlas/db';
import { createHash } from 'node:crypto';
import type { Tileset } from './catalog';
import { currentDataVersion } from '../../lib/data-versions';
import { encodeInNode } from './encode-embedded';
import { encodeWithPostgis } from './encode-postgis';
import { filterQueryString, type TileFilters } from './filters';
import type { TileKey } from './tile-grid';

export interface TileRequest {
  tileset: Tileset;
  key: TileKey;
  filters: TileFilters;
}

export type TileEncoder = 'st_asmvt' | 'geojson-vt';

export function encoderOf(database: AtlasDatabase): TileEncoder {
  return database.capabilities.mvt ? 'st_asmvt' : 'geojson-vt';
}

/**
 * Strong ETag: data version of the tileset's layers + encoder + tileset + tile key + filters.
 * Nothing of the tile is read to compute it, so a 304 costs one (shared) version read.
 */
export async function tileEtag(database: AtlasDatabase, request: TileRequest): Promise<string> {
  const version = await currentDataVersion(database.db, request.tileset.dataLayers);
  const { z, x, y } = request.key;
  const identity = [
    version,
    encoderOf(database),
    request.tileset.id,
    `${z}/${x}/${y}`,
    filterQueryString(request.filters),
  ].join('|');
  return `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
}

/** The encoded tile; empty when no feature of any layer touches it. */
export function renderTile(database: AtlasDatabase, request: TileRequest): Promise<Uint8Array> {
  const layers = request.tileset.layers.map((layer) => layer.name);
  const encode = database.capabilities.mvt ? encodeWithPostgis : encodeInNode;
  return encode(database.db, layers, request.key, request.filters);
}
