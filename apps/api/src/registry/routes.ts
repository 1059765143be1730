// The HTTP routes every record collection has (docs/api-conventions.md, "Records"):
//   POST /api/v1/<collection>                       create -> 201, Location, ETag
//   GET  /api/v1/<collection>/:id                   the record, ETag (a GeoJSON Feature with
//                                                   Accept: application/geo+json when `feature`)
//   PUT | PATCH | DELETE /api/v1/<collection>/:id   replace / merge / soft delete (If-Match)
//   POST /api/v1/<collection>/:id/restore           undelete (If-Match)
//   GET  /api/v1/<collection>/:id/history           versions (audit events), oldest first
//   POST /api/v1/<collection>/:id/history/:version/restore
//                                                   that version's content as a new version
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type, { type TObject, type TSchema } from 'typebox';
import { problemResponses } from '../lib/problem';
import { formatEtag, requireIfMatch } from './etag';
import { notFound } from './errors';
import type { RecordStore, StoredRecord } from './records';

export interface RecordRoutesOptions<Input, Output extends StoredRecord> {
  /** URL segment: `programs` -> /api/v1/programs. */
  collection: string;
  noun: string;
  store: RecordStore<Input, Output>;
  input: TSchema;
  patch: TSchema;
  /** The record's schema (the JSON answer). */
  output: TObject;
  /** Answer a GeoJSON Feature (the record's `geometry` as geometry) on Accept: application/geo+json. */
  feature?: boolean;
}

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const VersionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});
const GetQuery = Type.Object(
  {
    includeDeleted: Type.Boolean({
      default: false,
      description: 'Answer a deleted record too (with deletedAt set) instead of 404',
    }),
  },
  { additionalProperties: false },
);
const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'The ETag of the version being changed ("3"), or *' }),
  ),
});

const HistoryEntrySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  at: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  action: Type.String({ description: 'create, update, delete or restore' }),
  entityType: Type.String(),
  entityId: Type.String(),
  version: Type.Integer({ description: 'The version this event made' }),
  before: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  after: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});
export const HistorySchema = Type.Object({ items: Type.Array(HistoryEntrySchema) });

function wantsFeature(request: FastifyRequest): boolean {
  return /application\/geo\+json/i.test(request.headers.accept ?? '');
}

/** `{ id, geometry, ...rest }` as a GeoJSON Feature. */
export function toFeature<R extends { id: string; geometry?: unknown }>(record: R) {
  const { geometry, ...properties } = record;
  return { type: 'Feature' as const, id: record.id, geometry, properties };
}

export function recordRoutes<Input, Output extends StoredRecord>(
  options: RecordRoutesOptions<Input, Output>,
): FastifyPluginCallbackTypebox {
  const { collection, noun, store } = options;
  const base = `/api/v1/${collection}`;
  const tags = [collection];

  const content: Record<string, { schema: TSchema }> = {
    'application/json': { schema: options.output },
  };
  if (options.feature) {
    const { geometry, ...properties } = options.output.properties;
    content['application/geo+json'] = {
      schema: Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String({ format: 'uuid' }),
        geometry: geometry ?? Type.Unknown(),
        properties: Type.Object(properties),
      }),
    };
  }
  // Typed loosely: the record and its Feature are two content types of one status.
  const answers = (status: number, ...errors: number[]): Record<number, unknown> => ({
    [status]: { description: `The ${noun}`, content },
    ...problemResponses(...errors),
  });
  const changeErrors = [400, 401, 403, 404, 412, 413, 428, 503];

  function answer(request: FastifyRequest, reply: FastifyReply, record: Output) {
    reply.header('etag', formatEtag(record.version));
    if (options.feature && wantsFeature(request)) {
      reply.type('application/geo+json');
      return toFeature(record as Output & { id: string });
    }
    reply.type('application/json');
    return record;
  }

  const ifMatchOf = (request: FastifyRequest) => requireIfMatch(request.headers['if-match']);

  return (app, _opts, done) => {
    app.post(
      base,
      {
        schema: {
          tags,
          summary: `Create a ${noun}`,
          body: options.input,
          response: answers(201, 400, 401, 403, 409, 413, 503),
        },
      },
      async (request, reply) => {
        const record = await store.create(request.principal, request.body);
        reply.code(201).header('location', `${base}/${record.id}`);
        return answer(request, reply, record);
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `One ${noun}`,
          params: IdParams,
          querystring: GetQuery,
          response: answers(200, 400, 404, 503),
        },
      },
      async (request, reply) => {
        const record = await store.find(request.params.id);
        if (!record || (record.deletedAt !== null && !request.query.includeDeleted)) {
          throw notFound(noun);
        }
        return answer(request, reply, record);
      },
    );

    app.put(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Replace a ${noun} (If-Match)`,
          params: IdParams,
          headers: IfMatchHeaders,
          body: options.input,
          response: answers(200, ...changeErrors),
        },
      },
      async (request, reply) => {
        const ifMatch = ifMatchOf(request);
        const { id } = request.params;
        return answer(
          request,
          reply,
          await store.replace(request.principal, id, ifMatch, request.body),
        );
      },
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Change some fields of a ${noun} (If-Match)`,
          description: 'The fields sent replace the stored ones; the result is checked whole.',
          params: IdParams,
          headers: IfMatchHeaders,
          body: options.patch,
          response: answers(200, ...changeErrors),
        },
      },
      async (request, reply) => {
        const ifMatch = ifMatchOf(request);
        const { id } = request.params;
        const patch = request.body as object;
        return answer(request, reply, await store.update(request.principal, id, ifMatch, patch));
      },
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Delete a ${noun} (soft; If-Match)`,
          description: 'Answers the deleted record and its new ETag (needed to restore it).',
          params: IdParams,
          headers: IfMatchHeaders,
          response: answers(200, ...changeErrors),
        },
      },
      async (request, reply) => {
        const ifMatch = ifMatchOf(request);
        return answer(
          request,
          reply,
          await store.remove(request.principal, request.params.id, ifMatch),
        );
      },
    );

    app.post(
      `${base}/:id/restore`,
      {
        schema: {
          tags,
          summary: `Restore a deleted ${noun} (If-Match)`,
          params: IdParams,
          headers: IfMatchHeaders,
          response: answers(200, 409, ...changeErrors),
        },
      },
      async (request, reply) => {
        const ifMatch = ifMatchOf(request);
        return answer(
          request,
          reply,
          await store.restore(request.principal, request.params.id, ifMatch),
        );
      },
    );

    app.get(
      `${base}/:id/history`,
      {
        schema: {
          tags,
          summary: `The versions of a ${noun}`,
          description: 'Its audit events (who, when, before and after), oldest first.',
          params: IdParams,
          response: { 200: HistorySchema, ...problemResponses(400, 401, 404, 503) },
        },
      },
      async (request) => ({ items: await store.history(request.params.id) }),
    );

    app.post(
      `${base}/:id/history/:version/restore`,
      {
        schema: {
          tags,
          summary: `Write an earlier version of a ${noun} back (If-Match)`,
          description: 'The content of that version becomes a new version (audited as a restore).',
          params: VersionParams,
          headers: IfMatchHeaders,
          response: answers(200, ...changeErrors),
        },
      },
      async (request, reply) => {
        const ifMatch = ifMatchOf(request);
        const { id, version } = request.params;
        const record = await store.restoreVersion(request.principal, id, version, ifMatch);
        return answer(request, reply, record);
      },
    );
    done();
  };
}
