// OGC API - Tiles (Part 1: Core) over the same tiles, for the WebMercatorQuad tile matrix set:
// /ogc/tileMatrixSets, /ogc/collections/{collectionId}/tiles[/{tileMatrixSetId}[/{z}/{row}/{col}]].
// The rest of /ogc (landing page, conformance, collections, items) is the OGC Features part.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { problemResponses } from '../../lib/problem';
import { HttpError } from '../../registry';
import type { Tileset } from './catalog';
import { filterQueryString } from './filters';
import { MVT_CONTENT_TYPE, readableTileset, sendTile } from './respond';
import { originOf } from './origin';
import { TileCoordinate, TileQuery } from './schemas';
import {
  TILE_MATRIX_SET_ID,
  TILE_MATRIX_SET_URI,
  tileMatrixSet,
  tileMatrixSetLimits,
  WEB_MERCATOR_CRS,
} from './tile-matrix-set';

const tags = ['tiles'];
const TILING_SCHEME = 'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme';

const TileMatrixSetParams = Type.Object({ tileMatrixSetId: Type.String({ maxLength: 100 }) });
const CollectionParams = Type.Object({
  collectionId: Type.String({ maxLength: 100, description: 'A layer: sites, corridors, …' }),
});
const CollectionTileSetParams = Type.Object({
  ...CollectionParams.properties,
  ...TileMatrixSetParams.properties,
});
const OgcTileParams = Type.Object({
  ...CollectionTileSetParams.properties,
  tileMatrix: TileCoordinate('Zoom level (0-16)'),
  tileRow: TileCoordinate('Row (y), from the north'),
  tileCol: TileCoordinate('Column (x), from the west'),
});

const Json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
});

function checkTileMatrixSet(id: string): void {
  if (id !== TILE_MATRIX_SET_ID) {
    throw new HttpError(
      404,
      `no such tile matrix set '${id.slice(0, 40)}' (${TILE_MATRIX_SET_ID} only)`,
    );
  }
}

/** A collection is one layer (composites are /tiles only). */
function collectionTileset(request: Parameters<typeof readableTileset>[0], id: string): Tileset {
  if (id.includes(',')) throw new HttpError(404, `no such collection '${id.slice(0, 40)}'`);
  return readableTileset(request, id);
}

function tilesetMetadata(origin: string, tileset: Tileset, query: string) {
  const base = `${origin}/ogc/collections/${tileset.id}/tiles/${TILE_MATRIX_SET_ID}`;
  const suffix = query === '' ? '' : `?${query}`;
  const layer = tileset.layers[0]!;
  return {
    title: `${layer.title} (${TILE_MATRIX_SET_ID})`,
    description: layer.description,
    dataType: 'vector',
    crs: WEB_MERCATOR_CRS,
    tileMatrixSetURI: TILE_MATRIX_SET_URI,
    tileMatrixSetLimits: tileMatrixSetLimits(),
    layers: [
      {
        id: layer.name,
        dataType: 'vector',
        propertiesSchema: {
          type: 'object',
          properties: Object.fromEntries(
            Object.entries(layer.fields).map(([name, text]) => [
              name,
              { type: text.startsWith('Number') ? 'number' : 'string', description: text },
            ]),
          ),
        },
      },
    ],
    links: [
      { rel: 'self', type: 'application/json', href: `${base}${suffix}` },
      {
        rel: TILING_SCHEME,
        type: 'application/json',
        href: `${origin}/ogc/tileMatrixSets/${TILE_MATRIX_SET_ID}`,
      },
      {
        rel: 'item',
        type: MVT_CONTENT_TYPE,
        templated: true,
        href: `${base}/{tileMatrix}/{tileRow}/{tileCol}${suffix}`,
      },
      {
        rel: 'describedby',
        type: 'application/json',
        href: `${origin}/tiles/${tileset.id}.json${suffix}`,
      },
    ],
  };
}

const ogcTiles: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/ogc/tileMatrixSets',
    {
      schema: {
        tags,
        summary: 'Tile matrix sets (WebMercatorQuad)',
        response: { 200: Json('The tile matrix sets') },
      },
    },
    (request) => {
      const origin = originOf(request);
      return {
        tileMatrixSets: [
          {
            id: TILE_MATRIX_SET_ID,
            title: 'Google Maps Compatible for the World',
            uri: TILE_MATRIX_SET_URI,
            links: [
              {
                rel: 'self',
                type: 'application/json',
                href: `${origin}/ogc/tileMatrixSets/${TILE_MATRIX_SET_ID}`,
              },
            ],
          },
        ],
      };
    },
  );

  app.get(
    '/ogc/tileMatrixSets/:tileMatrixSetId',
    {
      schema: {
        tags,
        summary: 'A tile matrix set definition (OGC 2D TMS JSON)',
        params: TileMatrixSetParams,
        response: { 200: Json('The tile matrix set'), ...problemResponses(404) },
      },
    },
    (request) => {
      checkTileMatrixSet(request.params.tileMatrixSetId);
      return tileMatrixSet();
    },
  );

  app.get(
    '/ogc/collections/:collectionId/tiles',
    {
      schema: {
        tags,
        summary: "A collection's vector tilesets",
        params: CollectionParams,
        querystring: TileQuery,
        response: { 200: Json('The tilesets'), ...problemResponses(400, 401, 404) },
      },
    },
    (request) => {
      const tileset = collectionTileset(request, request.params.collectionId);
      const origin = originOf(request);
      const { links, ...metadata } = tilesetMetadata(
        origin,
        tileset,
        filterQueryString(request.query),
      );
      return {
        links: [{ rel: 'self', type: 'application/json', href: `${origin}${request.url}` }],
        tilesets: [
          {
            title: metadata.title,
            dataType: metadata.dataType,
            crs: metadata.crs,
            tileMatrixSetURI: metadata.tileMatrixSetURI,
            links: links.filter((link) => link.rel !== 'item'),
          },
        ],
      };
    },
  );

  app.get(
    '/ogc/collections/:collectionId/tiles/:tileMatrixSetId',
    {
      schema: {
        tags,
        summary: "A collection's vector tileset metadata",
        params: CollectionTileSetParams,
        querystring: TileQuery,
        response: { 200: Json('The tileset'), ...problemResponses(400, 401, 404) },
      },
    },
    (request) => {
      const tileset = collectionTileset(request, request.params.collectionId);
      checkTileMatrixSet(request.params.tileMatrixSetId);
      return tilesetMetadata(originOf(request), tileset, filterQueryString(request.query));
    },
  );

  app.get(
    '/ogc/collections/:collectionId/tiles/:tileMatrixSetId/:tileMatrix/:tileRow/:tileCol',
    {
      schema: {
        tags,
        summary: 'One vector tile of a collection (MVT 2)',
        description: 'The same tile as /tiles/{collectionId}/{tileMatrix}/{tileCol}/{tileRow}.mvt.',
        params: OgcTileParams,
        querystring: TileQuery,
        response: {
          200: {
            description: 'The tile',
            content: { [MVT_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          },
          204: { description: 'Empty tile', type: 'null' },
          304: { description: 'Not modified', type: 'null' },
          ...problemResponses(400, 401, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const { collectionId, tileMatrixSetId, tileMatrix, tileRow, tileCol } = request.params;
      const tileset = collectionTileset(request, collectionId);
      checkTileMatrixSet(tileMatrixSetId);
      const key = { z: Number(tileMatrix), x: Number(tileCol), y: Number(tileRow) };
      await sendTile(app.database, request, reply, tileset, key, request.query);
    },
  );
  done();
};

export default ogcTiles;
