// OGC API Features Part 4 on the editable collections (sites, corridors, communities,
// incidents): create (POST items), replace (PUT), update (PATCH, JSON merge patch of the
// feature) and delete (DELETE) through the REST record stores, so the same validation, country
// scope, If-Match rules (428 / 412) and audit events apply. Access: `write` in the policy.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { problemResponses } from '../../lib/problem';
import { BadInputError, formatEtag, requireIfMatch } from '../../registry';
import type { OgcCollection, OgcEditing, OgcFeature } from './collection';
import { GEOJSON_TYPE } from './links';
import { FeatureInput, FeatureParams, FeaturePatch } from './schemas';

type App = Parameters<FastifyPluginAsyncTypebox>[0];

const tags = ['ogc'];
const BODY_TYPES = ['application/geo+json', 'application/merge-patch+json'];

/** The store's input from a feature: its properties without the read-only ones, and geometry. */
function inputOf(
  editing: OgcEditing,
  body: { properties?: Record<string, unknown>; geometry?: unknown },
) {
  const properties = Object.fromEntries(
    Object.entries(body.properties ?? {}).filter(([name]) => !editing.readOnly.includes(name)),
  );
  return body.geometry === undefined ? properties : { ...properties, geometry: body.geometry };
}

export function registerTransactions(
  app: App,
  collections: readonly OgcCollection[],
  findFeature: (collection: OgcCollection, id: string) => Promise<OgcFeature>,
): void {
  const untyped = app as unknown as FastifyInstance;
  if (!untyped.hasContentTypeParser('application/geo+json')) {
    untyped.addContentTypeParser(
      BODY_TYPES,
      { parseAs: 'string' },
      untyped.getDefaultJsonParser('error', 'error'),
    );
  }

  for (const collection of collections) {
    const editing = collection.editing;
    if (!editing) continue;
    const items = `/ogc/collections/${collection.id}/items`;
    const changeErrors = problemResponses(400, 401, 403, 404, 412, 413, 428, 503);

    /** Answers the stored feature as the items route shows it, with its ETag. */
    async function answer(
      id: string,
      reply: { header(name: string, value: string): unknown; type(value: string): unknown },
    ) {
      const feature = await findFeature(collection, id);
      reply.header('etag', formatEtag(collection.versionOf(feature) ?? 1));
      reply.type(GEOJSON_TYPE);
      return feature;
    }

    app.post(
      items,
      {
        schema: {
          tags,
          summary: `Create a feature in ${collection.id}`,
          description: 'A GeoJSON Feature; answers 201 with Location and ETag.',
          body: FeatureInput,
          response: {
            201: { description: 'Created', content: { [GEOJSON_TYPE]: { schema: FeatureInput } } },
            ...problemResponses(400, 401, 403, 409, 413, 503),
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (body.id !== undefined) {
          throw new BadInputError([
            { path: '/id', message: 'the server assigns the id of a new feature' },
          ]);
        }
        const record = await editing.store.create(request.principal, inputOf(editing, body));
        reply
          .code(201)
          .header('location', `${request.protocol}://${request.host}${items}/${record.id}`);
        return answer(record.id, reply);
      },
    );

    app.put(
      `${items}/:featureId`,
      {
        schema: {
          tags,
          summary: `Replace a feature of ${collection.id} (If-Match)`,
          params: FeatureParams,
          body: FeatureInput,
          response: {
            200: { description: 'Replaced', content: { [GEOJSON_TYPE]: { schema: FeatureInput } } },
            ...changeErrors,
          },
        },
      },
      async (request, reply) => {
        const ifMatch = requireIfMatch(request.headers['if-match']);
        const { featureId } = request.params;
        await findFeature(collection, featureId);
        const body = request.body;
        if (body.id !== undefined && String(body.id) !== featureId) {
          throw new BadInputError([{ path: '/id', message: 'must be the id in the URL' }]);
        }
        await editing.store.replace(request.principal, featureId, ifMatch, inputOf(editing, body));
        return answer(featureId, reply);
      },
    );

    app.patch(
      `${items}/:featureId`,
      {
        schema: {
          tags,
          summary: `Update some properties of a feature of ${collection.id} (If-Match)`,
          description:
            'A JSON merge patch (RFC 7396) of the feature: `properties` and/or `geometry`.',
          params: FeatureParams,
          body: FeaturePatch,
          response: {
            200: { description: 'Updated', content: { [GEOJSON_TYPE]: { schema: FeatureInput } } },
            ...changeErrors,
          },
        },
      },
      async (request, reply) => {
        const ifMatch = requireIfMatch(request.headers['if-match']);
        const { featureId } = request.params;
        await findFeature(collection, featureId);
        const patch = inputOf(editing, request.body);
        await editing.store.update(request.principal, featureId, ifMatch, patch);
        return answer(featureId, reply);
      },
    );

    app.delete(
      `${items}/:featureId`,
      {
        schema: {
          tags,
          summary: `Delete a feature of ${collection.id} (If-Match)`,
          description: 'A soft delete (restorable through the REST API); answers 204.',
          params: FeatureParams,
          response: { 204: { description: 'Deleted' }, ...changeErrors },
        },
      },
      async (request, reply) => {
        const ifMatch = requireIfMatch(request.headers['if-match']);
        const { featureId } = request.params;
        await findFeature(collection, featureId);
        const record = await editing.store.remove(request.principal, featureId, ifMatch);
        reply.header('etag', formatEtag(record.version));
        return reply.code(204).send();
      },
    );
  }
}
