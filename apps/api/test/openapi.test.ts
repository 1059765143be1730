import { namedSchemas } from '@atlas/domain';
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';

interface MediaType {
  schema?: { $ref?: string };
}
interface Answer {
  description?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, MediaType> };
  responses?: Record<string, Answer>;
  security?: Record<string, string[]>[];
  tags?: string[];
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  tags: { name: string }[];
}

/**
 * Routes whose success answer is not declared yet (owner: see the docs/api.md gaps). The test
 * fails when one gets documented, so the entry is removed then.
 */
const SUCCESS_NOT_DECLARED = new Set<string>();

/** Answers with no body (the route declares them by description only). */
const NO_CONTENT = new Set(['204', '304']);

/** Routes that serve the docs UI or the admin app's files: not part of the API. */
const isApiRoute = (url: string) => url.startsWith('/api/') || url.startsWith('/health/');

/** `/api/v1/sites/:id` -> `/api/v1/sites/{id}` */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

function collectRefs(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') into.add(item);
      else collectRefs(item, into);
    }
  }
  return into;
}

describe.each(testEngines())('API reference on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database);
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json<OpenApiDocument>();
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('publishes OpenAPI 3 at /openapi.json listing the routes and their parameters', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/health/live',
        '/health/ready',
        '/api/v1/programs',
        '/api/v1/sites',
        '/api/v1/reference',
        '/api/v1/boundaries/departments/{code}',
      ]),
    );
    const programParameters = document.paths['/api/v1/programs']?.get?.parameters ?? [];
    expect(programParameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'sort', 'country', 'line', 'status']),
    );
    expect(document.paths['/openapi.json']).toBeUndefined();
  });

  it('is a valid OpenAPI document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(document) as unknown as Record<string, unknown>,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    for (const ref of collectRefs(document, new Set())) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      expect(name, ref).toBeDefined();
      expect(document.components.schemas[name ?? ''], ref).toBeDefined();
    }
  });

  it('documents every registered route and method with its success and error answers', () => {
    const routes = app.policedRoutes.filter(
      (route) => route.method !== 'HEAD' && route.method !== 'OPTIONS' && isApiRoute(route.url),
    );
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(operation, name).toBeDefined();
      expect(operation?.tags?.length, `${name} has a tag`).toBeGreaterThan(0);
      const responses = operation?.responses ?? {};

      const successes = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (SUCCESS_NOT_DECLARED.has(name)) {
        expect(successes, `${name} is documented now: remove it from the list`).toEqual([]);
      } else {
        expect(successes.length, `${name} documents its success`).toBeGreaterThan(0);
      }
      for (const [status, answer] of successes) {
        if (NO_CONTENT.has(status)) continue;
        const schemas = Object.values(answer.content ?? {}).map((media) => media.schema);
        expect(schemas.length, `${name} ${status} has a schema`).toBeGreaterThan(0);
      }

      const errors = Object.entries(responses).filter(([status]) => !/^[23]\d\d$/.test(status));
      expect(
        errors.map(([status]) => status),
        name,
      ).toContain('default');
      for (const [status, answer] of errors) {
        const schemas = Object.values(answer.content ?? {}).map((media) => media.schema);
        expect(schemas.length, `${name} ${status} has a schema`).toBeGreaterThan(0);
        // The API's errors are problem+json (readiness answers its own body to load balancers).
        if (route.url.startsWith('/api/')) {
          expect(answer.content?.['application/problem+json']?.schema, `${name} ${status}`).toEqual(
            { $ref: '#/components/schemas/Problem' },
          );
        }
      }
      if (route.access !== 'public') {
        expect(Object.keys(responses), name).toContain('401');
        expect(operation?.security?.length, `${name} security`).toBeGreaterThan(0);
      }
      if (route.access === 'write' || route.access === 'admin') {
        expect(Object.keys(responses), name).toContain('403');
      }
      if (operation?.requestBody) expect(Object.keys(responses), name).toContain('413');
      // A conditional change answers 428 without If-Match and 412 when it is stale.
      const ifMatch = (operation?.parameters ?? []).some(
        (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match',
      );
      if (ifMatch) {
        expect(Object.keys(responses), name).toEqual(expect.arrayContaining(['412', '428']));
      }
    }
  });

  it('documents the answers the registry rules add: If-Match, the login limit', () => {
    for (const collection of ['programs', 'sites', 'corridors', 'communities', 'incidents']) {
      for (const method of ['put', 'patch', 'delete']) {
        const operation = document.paths[`/api/v1/${collection}/{id}`]?.[method];
        const headers = (operation?.parameters ?? []).filter(
          (parameter) => parameter.in === 'header',
        );
        expect(
          headers.map((parameter) => parameter.name.toLowerCase()),
          `${method} ${collection}`,
        ).toContain('if-match');
      }
    }
    const login = document.paths['/api/v1/auth/login']?.post?.responses ?? {};
    expect(Object.keys(login)).toEqual(expect.arrayContaining(['401', '429']));
  });

  it('names the domain schemas, the problem body and the security schemes', () => {
    for (const schema of namedSchemas) {
      const id = String((schema as { $id?: unknown }).$id);
      expect(document.components.schemas[id], id).toBeDefined();
    }
    expect(document.components.schemas.Problem).toBeDefined();
    const createProgram = document.paths['/api/v1/programs']?.post;
    expect(createProgram?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ProgramInput',
    });
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      'apiKey',
      'csrfToken',
      'session',
    ]);
    // Cookie-authenticated writes need the CSRF header; reads do not.
    expect(createProgram?.security).toContainEqual({ session: [], csrfToken: [] });
    expect(document.paths['/api/v1/corridors']?.get?.security).toContainEqual({ session: [] });
    expect(document.paths['/api/v1/reference']?.get?.security).toBeUndefined();
    const tagNames = document.tags.map((tag) => tag.name);
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        for (const tag of operation.tags ?? []) expect(tagNames).toContain(tag);
      }
    }
  });

  it('serves the interactive reference at /docs from its own files (no CDN)', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toContain('/docs/static/swagger-initializer.js');
    for (const asset of assets) {
      expect(asset, 'same-origin asset').toMatch(/^\/docs\//);
      const response = await app.inject({ method: 'GET', url: asset ?? '' });
      expect(response.statusCode, asset).toBe(200);
    }
    const initializer = await app.inject({
      method: 'GET',
      url: '/docs/static/swagger-initializer.js',
    });
    // No call to the public swagger validator: the reference works offline.
    expect(initializer.body).toMatch(/validatorUrl: null/);
    expect(initializer.body).toContain("resolveUrl('./json')");
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ status: number }>().status).toBe(404);
  });
});
