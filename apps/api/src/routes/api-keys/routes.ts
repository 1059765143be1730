// API keys for services, managed by administrators. The key is in the 201 body only; the list
// shows its `atlas_<prefix>` for recognition. Revocation takes effect on the next request.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  apiKeyView,
  createApiKey,
  findApiKey,
  listApiKeys,
  revokeApiKey,
} from '../../auth/api-keys';
import { writeAccessAudit } from '../../auth/audit';
import { auditActor } from '../../auth/principal';
import { IdParams } from '../users/schemas';
import { ApiKeyList, ApiKeyView, CreatedApiKey, NewApiKeyBody } from './schemas';

const apiKeys: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/api/v1/api-keys',
    { schema: { tags: ['api-keys'], summary: 'List API keys', response: { 200: ApiKeyList } } },
    async () => ({ items: (await listApiKeys(app.db)).map(apiKeyView) }),
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key (the key is shown once, in this answer)',
        body: NewApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request.principal);
      const created = await app.db.transaction().execute(async (trx) => {
        const result = await createApiKey(trx, {
          name: request.body.name,
          role: request.body.role,
          countries: request.body.countries ?? null,
          createdBy: request.principal.kind === 'user' ? request.principal.id : null,
        });
        await writeAccessAudit(trx, {
          actor,
          action: 'create',
          entityType: 'api_key',
          entityId: result.apiKey.id,
          version: null,
          before: null,
          after: apiKeyView(result.apiKey),
        });
        return result;
      });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...apiKeyView(created.apiKey), key: created.key });
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key (it fails from its next request on)',
        params: IdParams,
        response: { 200: ApiKeyView },
      },
    },
    async (request) => {
      const actor = auditActor(request.principal);
      return app.db.transaction().execute(async (trx) => {
        const before = await findApiKey(trx, request.params.id);
        if (!before) throw app.httpErrors.notFound('no API key with this id');
        if (before.revokedAt !== null) return apiKeyView(before);
        const after = (await revokeApiKey(trx, request.params.id)) ?? before;
        await writeAccessAudit(trx, {
          actor,
          action: 'delete',
          entityType: 'api_key',
          entityId: after.id,
          version: null,
          before: apiKeyView(before),
          after: apiKeyView(after),
        });
        return apiKeyView(after);
      });
    },
  );
  done();
};

export default apiKeys;
