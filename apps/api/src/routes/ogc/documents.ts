// The collection document (OGC API Features Part 1 §7.14, with Part 2's crs and storageCrs).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Extent, OgcCollection } from './collection';
import { CRS84 } from './items-query';
import { baseUrl, GEOJSON_TYPE, JSON_TYPE, QUERYABLES_REL, SCHEMA_TYPE, type Link } from './links';

const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';
const TILES_ROUTE = { method: 'GET', url: '/ogc/collections/:collectionId/tiles' } as const;
/** Collections that also have vector tiles (src/routes/tiles), when those routes exist. */
const TILED = new Set(['sites', 'programs', 'corridors', 'communities', 'incidents']);

export function collectionDocument(
  app: FastifyInstance,
  request: FastifyRequest,
  collection: OgcCollection,
  extent: Extent,
) {
  const self = `${baseUrl(request)}/ogc/collections/${collection.id}`;
  const links: Link[] = [
    { href: self, rel: 'self', type: JSON_TYPE, title: collection.title },
    {
      href: `${self}/items`,
      rel: 'items',
      type: GEOJSON_TYPE,
      title: `${collection.title} (GeoJSON)`,
    },
    { href: `${self}/queryables`, rel: QUERYABLES_REL, type: SCHEMA_TYPE, title: 'Queryables' },
  ];
  if (TILED.has(collection.id) && app.hasRoute(TILES_ROUTE)) {
    links.push({
      href: `${self}/tiles`,
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector',
      type: JSON_TYPE,
      title: 'Vector tiles',
    });
  }
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    extent: {
      spatial: { bbox: extent.bbox ? [extent.bbox] : [], crs: CRS84 },
      ...(extent.interval ? { temporal: { interval: [extent.interval], trs: GREGORIAN } } : {}),
    },
    links,
  };
}
