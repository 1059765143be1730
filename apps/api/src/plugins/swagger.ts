// OpenAPI 3.1 document built from the route schemas: /openapi.json, interactive reference at
// /docs (swagger-ui's own files, served from node_modules: no CDN). Named components, security
// and the error answers are added per route by src/openapi/transform.ts.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { COMPONENT_SCHEMAS, SECURITY_SCHEMES, TAGS } from '../openapi/components';
import { documentRoute } from '../openapi/transform';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'CARSI Atlas API',
          description:
            'Program registry and regional map of the Central America Regional Security ' +
            'Initiative: REST and GeoJSON (longitude/latitude, EPSG:4326). Errors are ' +
            '`application/problem+json`. See docs/api.md for a guide.',
          version: '0.1.0',
        },
        tags: TAGS,
        components: {
          schemas: Object.fromEntries(COMPONENT_SCHEMAS) as Record<string, object>,
          securitySchemes: SECURITY_SCHEMES,
        },
      },
      transform: documentRoute,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  },
  { name: 'swagger' },
);
