// /tiles: Mapbox Vector Tiles of every map layer and of any comma-separated list of layers,
// TileJSON 3.0 per tileset, and the OGC API Tiles routes (./ogc-tiles.ts). Guide: docs/tiles.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../lib/problem';
import { sendCacheable } from '../reference/http-cache';
import { LAYER_NAMES, LAYERS } from './catalog';
import { checkFilters, filterQueryString } from './filters';
import ogcTiles from './ogc-tiles';
import { originOf } from './origin';
import { cacheControlOf, MVT_CONTENT_TYPE, readableTileset, sendTile } from './respond';
import { TileJson, TileParams, TileQuery, TilesetList, TilesetParams } from './schemas';
import { buildTileJson, dataBounds } from './tilejson';

const tags = ['tiles'];

const tiles: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tiles',
    {
      schema: {
        tags,
        summary: 'List the tilesets',
        description:
          'One tileset per map layer; any comma-separated list of layers is a tileset too.',
        response: { 200: TilesetList, ...problemResponses(503) },
      },
    },
    (request) => {
      const origin = originOf(request);
      return {
        tilesets: LAYER_NAMES.map((name) => {
          const layer = LAYERS[name];
          return {
            id: name,
            title: layer.title,
            description: layer.description,
            access: layer.access,
            filters: [...layer.filters],
            tilejson: `${origin}/tiles/${name}.json`,
            tiles: `${origin}/tiles/${name}/{z}/{x}/{y}.mvt`,
          };
        }),
        composite: `${origin}/tiles/sites,corridors/{z}/{x}/{y}.mvt (layers in drawing order)`,
      };
    },
  );

  app.get(
    '/tiles/:tileset.json',
    {
      schema: {
        tags,
        summary: 'TileJSON 3.0 of a tileset',
        description:
          'The tile URL template keeps the filters of this request. Layers for signed-in ' +
          'users (corridors, communities, incidents) need a session or an API key.',
        params: TilesetParams,
        querystring: TileQuery,
        response: {
          200: { description: 'TileJSON', content: { 'application/json': { schema: TileJson } } },
          304: { description: 'Not modified', type: 'null' },
          ...problemResponses(400, 401, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const tileset = readableTileset(request, request.params.tileset);
      const filters = checkFilters(tileset, request.query);
      const bounds = await dataBounds(app.db, tileset.layers);
      const tileJson = buildTileJson(
        tileset,
        originOf(request),
        filterQueryString(filters),
        bounds,
      );
      if (tileset.access === 'read') reply.header('vary', 'Authorization, Cookie');
      sendCacheable(request, reply, {
        body: JSON.stringify(tileJson),
        contentType: 'application/json',
        cacheControl: cacheControlOf(tileset),
      });
    },
  );

  app.get(
    '/tiles/:tileset/:z/:x/:y.mvt',
    {
      schema: {
        tags,
        summary: 'One vector tile (MVT 2)',
        description:
          'Source layers are named after the layers. 204 when no feature touches the tile; ' +
          '404 outside the grid or beyond zoom 16. ETag from the data version: send ' +
          'If-None-Match to get 304.',
        params: TileParams,
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
      const { tileset: id, z, x, y } = request.params;
      const tileset = readableTileset(request, id);
      const key = { z: Number(z), x: Number(x), y: Number(y) };
      await sendTile(app.database, request, reply, tileset, key, request.query);
    },
  );

  await app.register(ogcTiles);
};

export default tiles;
