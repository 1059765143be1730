// Authentication and the access policy. Every route gets an onRequest guard that identifies the
// caller (`request.principal`) and applies the route's entry in src/auth/policy.ts; a route
// without an entry stops the app from starting.
import cookie from '@fastify/cookie';
import type { onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { LastUsedRecorder } from '../auth/api-keys';
import { authenticate } from '../auth/authenticate';
import { enforceAccess } from '../auth/enforce';
import { accessFor, MissingPolicyError, type Access } from '../auth/policy';
import { ANONYMOUS, type Principal } from '../auth/principal';
import type { ActiveSession } from '../auth/sessions';

/** A registered route and its policy entry (for the policy walk test and diagnostics). */
export interface PolicedRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route × method with the access the policy gives it. */
    policedRoutes: readonly PolicedRoute[];
  }
  interface FastifyRequest {
    principal: Principal;
    /** The session behind `principal`, when it signed in with the cookie. */
    session: ActiveSession | null;
  }
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export default fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('principal', null as unknown as Principal);
    app.decorateRequest('session', null);
    app.addHook('onRequest', (request, _reply, done) => {
      request.principal = ANONYMOUS; // until a route's guard knows better (also for 404s)
      done();
    });

    const lastUsed = new LastUsedRecorder(app.db, (error) => {
      app.log.warn({ err: error }, 'could not record when an API key was used');
    });
    app.addHook('onClose', async () => {
      await lastUsed.flush();
    });

    const guards = new WeakSet<object>();
    /** One guard per route; a route may answer several methods with different entries. */
    function guard(accessByMethod: ReadonlyMap<string, Access>): onRequestAsyncHookHandler {
      const handler: onRequestAsyncHookHandler = async (request) => {
        const access = accessByMethod.get(request.method) ?? 'admin'; // unreachable: start-up checks
        const auth = await authenticate(request, app.db, lastUsed);
        request.principal = auth.principal;
        request.session = auth.session;
        enforceAccess(access, request.method, auth, request.headers['x-csrf-token']);
      };
      guards.add(handler);
      return handler;
    }

    const missing: string[] = [];
    const policed: PolicedRoute[] = [];
    app.decorate('policedRoutes', policed);
    app.addHook('onRoute', (route: RouteOptions) => {
      const accessByMethod = new Map<string, Access>();
      for (const method of asArray(route.method)) {
        const access = accessFor(method, route.url, { testRoutes: app.config.nodeEnv === 'test' });
        if (access === undefined) missing.push(`${method} ${route.url}`);
        else {
          accessByMethod.set(method, access);
          policed.push({ method, url: route.url, access });
        }
      }
      // Fastify copies a GET route's hooks to its HEAD route: keep a single guard.
      const others = asArray(route.onRequest).filter((hook) => !guards.has(hook));
      route.onRequest = [guard(accessByMethod), ...others];
    });
    app.addHook('onReady', (done) => {
      done(missing.length > 0 ? new MissingPolicyError(missing) : undefined);
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
