import { Type } from 'typebox';
// Sessions for the admin app: login (sets the atlas_session cookie), logout, and who am I.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { CookieSerializeOptions } from '@fastify/cookie';
import { AuthenticationError } from '../../auth/errors';
import { verifyPassword } from '../../auth/passwords';
import {
  createSession,
  csrfTokenFor,
  deleteExpiredSessions,
  deleteSession,
  SESSION_COOKIE,
} from '../../auth/sessions';
import { findLoginUser, findUser, publicUser } from '../../auth/users';
import { problemResponses } from '../../lib/problem';
import { loginRateLimit } from './login-rate-limit';
import { LoginBody, LoginResponse, MeResponse } from './schemas';

const auth: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const cookieOptions = (): CookieSerializeOptions => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: !app.config.insecureCookies,
  });

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in (sets the atlas_session cookie)',
        description:
          'Wrong credentials answer 401; too many attempts per address or e-mail answer 429 ' +
          'with Retry-After.',
        body: LoginBody,
        response: { 200: LoginResponse, ...problemResponses(401, 429) },
      },
      preHandler: loginRateLimit(app),
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await findLoginUser(app.db, email);
      // Always verify (against a dummy hash for unknown e-mails): same time either way.
      const valid = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !valid || user.disabledAt !== null) {
        throw new AuthenticationError('wrong e-mail or password, or the account is disabled');
      }
      // Rotation: the session the browser had (if any) ends; a new id is issued.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(app.db, previous);
      await deleteExpiredSessions(app.db); // housekeeping: expired rows never authenticate anyway
      const session = await createSession(app.db, user.id, app.config.sessionTtlSeconds);
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions(),
        expires: session.expiresAt,
      });
      request.log.info({ userId: user.id }, 'signed in');
      return {
        user: publicUser(user),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session)',
        response: { 204: Type.Null({ description: 'Signed out' }) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user or API key',
        response: { 200: MeResponse },
      },
    },
    async (request) => {
      const { principal, session } = request;
      const token = request.cookies[SESSION_COOKIE];
      const user =
        principal.kind === 'user' && principal.id
          ? await findUser(app.db, principal.id)
          : undefined;
      return {
        principal,
        user: user ?? null,
        csrfToken: session && token ? csrfTokenFor(token) : null,
      };
    },
  );
  done();
};

export default auth;
