// /ogc: OGC API Features (Part 1 core, GeoJSON; Part 3 filtering with CQL2; Part 4 create,
// replace, update, delete). Each collection has its own fixed routes so the access policy
// (src/auth/policy.ts) applies per collection, as on the REST API. Guide: docs/ogc.md.
import { dataVersion } from '@atlas/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemResponses } from '../../lib/problem';
import { notFound } from '../../registry';
import type { Extent, OgcCollection, OgcFeature } from './collection';
import { ogcCollections } from './collections';
import { CONFORMANCE_CLASSES } from './conformance';
import { queryableSchema } from './cql2';
import { collectionDocument } from './documents';
import {
  evaluationError,
  itemsQuery,
  OGC_PARAMETERS,
  selectedProperties,
  type OgcItemsParameters,
} from './items-query';
import { baseUrl, GEOJSON_TYPE, JSON_TYPE, SCHEMA_TYPE, withQuery, type Link } from './links';
import {
  Collections,
  CollectionDocument,
  Conformance,
  Feature,
  FeatureCollection,
  FeatureParams,
  FeatureQuery,
  itemsQuerySchema,
  LandingPage,
  QueryablesDocument,
} from './schemas';
import { registerTransactions } from './transactions';

const tags = ['ogc'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 304 when the client holds this ETag already (the answer would be the same). */
function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag);
  const held = request.headers['if-none-match'];
  if (held === undefined) return false;
  const tags = held.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag.replace(/^W\//, ''));
}

function cacheControl(reply: FastifyReply, collection: OgcCollection) {
  // Revalidate every time (the ETag makes that cheap); never share answers needing a sign-in.
  reply.header(
    'cache-control',
    collection.access === 'public' ? 'public, no-cache' : 'private, no-cache',
  );
}

/** Keeps the chosen properties and drops the geometry when asked. */
function shaped(
  feature: OgcFeature,
  properties: readonly string[] | null,
  skipGeometry: boolean,
): OgcFeature {
  const kept = properties
    ? Object.fromEntries(properties.map((name) => [name, feature.properties[name] ?? null]))
    : feature.properties;
  return { ...feature, geometry: skipGeometry ? null : feature.geometry, properties: kept };
}

const ogc: FastifyPluginAsyncTypebox = (app) => {
  const collections = ogcCollections(app.db);

  /** Extents are computed again only when the collection's data version has changed. */
  const extents = new Map<string, { version: string; extent: Extent }>();
  async function extentOf(collection: OgcCollection): Promise<Extent> {
    const version = await dataVersion(app.db, collection.layers);
    const cached = extents.get(collection.id);
    if (cached?.version === version) return cached.extent;
    const extent = await collection.extent(app.db);
    extents.set(collection.id, { version, extent });
    return extent;
  }

  app.get(
    '/ogc',
    {
      schema: {
        tags,
        summary: 'OGC API landing page',
        description: 'Links to the API description, the conformance classes and the collections.',
        response: { 200: LandingPage },
      },
    },
    (request) => {
      const base = baseUrl(request);
      const links: Link[] = [
        { href: `${base}/ogc`, rel: 'self', type: JSON_TYPE, title: 'This document' },
        {
          href: `${base}/openapi.json`,
          rel: 'service-desc',
          type: 'application/vnd.oai.openapi+json;version=3.1',
          title: 'The API definition (OpenAPI 3.1)',
        },
        { href: `${base}/docs`, rel: 'service-doc', type: 'text/html', title: 'API reference' },
        {
          href: `${base}/ogc/conformance`,
          rel: 'conformance',
          type: JSON_TYPE,
          title: 'Conformance classes',
        },
        { href: `${base}/ogc/collections`, rel: 'data', type: JSON_TYPE, title: 'The collections' },
      ];
      return {
        title: 'CARSI Atlas',
        description:
          'Program sites, programs, trafficking corridors, communities at risk, incidents and ' +
          'boundaries of the Central America Regional Security Initiative.',
        links,
      };
    },
  );

  app.get(
    '/ogc/conformance',
    { schema: { tags, summary: 'Conformance classes', response: { 200: Conformance } } },
    () => ({ conformsTo: CONFORMANCE_CLASSES }),
  );

  app.get(
    '/ogc/collections',
    {
      schema: {
        tags,
        summary: 'The collections',
        description:
          'Every collection the caller may read (corridors, communities and incidents need a ' +
          'sign-in or an API key).',
        response: { 200: Collections, ...problemResponses(503) },
      },
    },
    async (request) => {
      const base = baseUrl(request);
      const readable = collections.filter(
        (collection) => collection.access === 'public' || request.principal.role !== null,
      );
      const documents = [];
      for (const collection of readable) {
        documents.push(collectionDocument(app, request, collection, await extentOf(collection)));
      }
      return {
        links: [{ href: `${base}/ogc/collections`, rel: 'self', type: JSON_TYPE }],
        collections: documents,
      };
    },
  );

  for (const collection of collections) {
    const path = `/ogc/collections/${collection.id}`;

    app.get(
      path,
      {
        schema: {
          tags,
          summary: `The ${collection.id} collection`,
          description: 'Its extent (bbox and period), CRS and links to its items and queryables.',
          response: { 200: CollectionDocument, ...problemResponses(503) },
        },
      },
      async (request) => collectionDocument(app, request, collection, await extentOf(collection)),
    );

    app.get(
      `${path}/queryables`,
      {
        schema: {
          tags,
          summary: `Queryables of ${collection.id}`,
          description: 'The properties a CQL2 filter or sortby may name, as JSON Schema.',
          response: { 200: QueryablesDocument },
        },
      },
      async (request, reply) => {
        reply.type(SCHEMA_TYPE);
        return {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: `${baseUrl(request)}${path}/queryables`,
          type: 'object',
          title: collection.title,
          properties: Object.fromEntries(
            Object.entries(collection.queryables).map(([name, queryable]) => [
              name,
              queryableSchema(name, queryable),
            ]),
          ),
          additionalProperties: false,
        };
      },
    );

    app.get(
      `${path}/items`,
      {
        schema: {
          tags,
          summary: `Features of ${collection.id}`,
          description:
            'GeoJSON features with paging (next/prev links), bbox, datetime, CQL2 filter ' +
            '(cql2-text or cql2-json), sortby, properties, skipGeometry and the registry filters.',
          querystring: itemsQuerySchema(collection),
          response: {
            200: FeatureCollection,
            304: { description: 'Not modified' },
            ...problemResponses(503),
          },
        },
      },
      async (request, reply) => {
        const query = request.query as unknown as OgcItemsParameters & Record<string, unknown>;
        const filters = Object.fromEntries(
          Object.entries(query).filter(
            ([name]) => !(OGC_PARAMETERS as readonly string[]).includes(name),
          ),
        );
        const layerQuery = itemsQuery(collection, query, filters);
        const properties = selectedProperties(collection, query.properties);
        const version = await dataVersion(app.db, collection.layers);
        cacheControl(reply, collection);
        if (notModified(request, reply, `W/"${version}"`)) return reply.code(304).send();
        const { features, numberMatched } = await collection
          .list(app.db, layerQuery)
          .catch((error: unknown) => {
            throw evaluationError(error, query) ?? error;
          });
        const { limit, offset } = query;
        const links: Link[] = [
          { href: withQuery(request, {}), rel: 'self', type: GEOJSON_TYPE, title: 'This page' },
          { href: `${baseUrl(request)}${path}`, rel: 'collection', type: JSON_TYPE },
        ];
        if (offset + limit < numberMatched) {
          const next = withQuery(request, { limit: String(limit), offset: String(offset + limit) });
          links.push({ href: next, rel: 'next', type: GEOJSON_TYPE, title: 'Next page' });
        }
        if (offset > 0) {
          const previous = String(Math.max(0, offset - limit));
          const prev = withQuery(request, { limit: String(limit), offset: previous });
          links.push({ href: prev, rel: 'prev', type: GEOJSON_TYPE, title: 'Previous page' });
        }
        reply.type(GEOJSON_TYPE);
        return {
          type: 'FeatureCollection' as const,
          numberMatched,
          numberReturned: features.length,
          timeStamp: new Date().toISOString(),
          links,
          features: features.map((feature) =>
            shaped(feature, properties, query.skipGeometry === true),
          ),
        };
      },
    );

    app.get(
      `${path}/items/:featureId`,
      {
        schema: {
          tags,
          summary: `One feature of ${collection.id}`,
          description: 'The feature with its ETag (its version, for If-Match on changes).',
          params: FeatureParams,
          querystring: FeatureQuery,
          response: {
            200: Feature,
            304: { description: 'Not modified' },
            ...problemResponses(404, 503),
          },
        },
      },
      async (request, reply) => {
        const feature = await findFeature(collection, request.params.featureId);
        const version = collection.versionOf(feature);
        const etag =
          version === undefined
            ? `W/"${await dataVersion(app.db, collection.layers)}"`
            : `"${version}"`;
        cacheControl(reply, collection);
        if (notModified(request, reply, etag)) return reply.code(304).send();
        const properties = selectedProperties(collection, request.query.properties);
        const base = baseUrl(request);
        reply.type(GEOJSON_TYPE);
        return {
          ...shaped(feature, properties, request.query.skipGeometry),
          links: [
            { href: `${base}${path}/items/${feature.id}`, rel: 'self', type: GEOJSON_TYPE },
            { href: `${base}${path}`, rel: 'collection', type: JSON_TYPE },
          ],
        };
      },
    );
  }

  async function findFeature(collection: OgcCollection, id: string): Promise<OgcFeature> {
    if (collection.idFormat === 'uuid' && !UUID.test(id)) throw notFound('feature');
    const feature = await collection.find(app.db, id);
    if (!feature) throw notFound('feature');
    return feature;
  }

  registerTransactions(app, collections, findFeature);
  return Promise.resolve();
};

export default ogc;
