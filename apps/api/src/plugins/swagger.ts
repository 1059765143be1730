// OpenAPI 3 document built from the route schemas: /openapi.json, interactive reference at /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'CARSI Atlas API',
          description:
            'Program registry and regional map of the Central America Regional Security ' +
            'Initiative: REST and GeoJSON (longitude/latitude, EPSG:4326).',
          version: '0.1.0',
        },
        tags: [
          { name: 'health', description: 'Liveness and readiness' },
          { name: 'programs', description: 'CARSI programs' },
          { name: 'sites', description: 'Program sites (GeoJSON)' },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  },
  { name: 'swagger' },
);
