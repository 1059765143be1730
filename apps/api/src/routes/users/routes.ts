// Users, managed by administrators: list, create, read, change (role, countries, disabling,
// password reset). Every change is audited; password hashes never leave the database layer.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { auditActor } from '../../auth/principal';
import { createUser, findUser, listUsers, updateUser } from '../../auth/users';
import { IdParams, NewUserBody, UserList, UserPatchBody, UserView } from './schemas';

const users: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'List users', response: { 200: UserList } } },
    async () => ({ items: await listUsers(app.db) }),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: NewUserBody,
        response: { 201: UserView },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const user = await createUser(
        app.db,
        { ...body, countries: body.countries ?? null },
        auditActor(request.principal),
      );
      return reply.code(201).header('location', `/api/v1/users/${user.id}`).send(user);
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: IdParams,
        response: { 200: UserView },
      },
    },
    async (request) => {
      const user = await findUser(app.db, request.params.id);
      if (!user) throw app.httpErrors.notFound('no user with this id');
      return user;
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user (role, countries, name, password, disabled)',
        params: IdParams,
        body: UserPatchBody,
        response: { 200: UserView },
      },
    },
    async (request) => {
      const user = await updateUser(
        app.db,
        request.params.id,
        request.body,
        auditActor(request.principal),
      );
      if (!user) throw app.httpErrors.notFound('no user with this id');
      return user;
    },
  );
  done();
};

export default users;
