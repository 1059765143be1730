// Read-only boundaries (public, cacheable): countries and departments as GeoJSON. There are no
// write routes: the tables are reference data that only the seed loads.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../lib/problem';
import { bboxOf, notFound } from '../../registry';
import { createBoundaryRepository } from './repository';
import {
  BoundaryQuery,
  CountryCollection,
  CountryFeature,
  CountryListQuery,
  CountryParams,
  DepartmentCollection,
  DepartmentFeature,
  DepartmentListQuery,
  DepartmentParams,
} from './schemas';
import { createBoundarySender } from './versioned-body';

/** Boundaries change only with a new data release; clients revalidate daily. */
export const BOUNDARY_CACHE_CONTROL = 'public, max-age=86400';
const GEOJSON = 'application/geo+json';

const notModified = {
  description: 'Not modified: the ETag in If-None-Match is current',
  type: 'null',
};
const geoJson = (schema: unknown, description: string) => ({
  description,
  content: { [GEOJSON]: { schema } },
});

const boundaries: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const repository = createBoundaryRepository(app.db);
  const send = createBoundarySender(app.db);
  // ETag from the boundaries data version and the URL: a 304 never runs `build`.
  const sendGeoJson = (
    request: Parameters<typeof send>[0],
    reply: Parameters<typeof send>[1],
    build: () => Promise<unknown>,
  ) => send(request, reply, { contentType: GEOJSON, cacheControl: BOUNDARY_CACHE_CONTROL, build });
  const tags = ['boundaries'];

  app.get(
    '/api/v1/boundaries/countries',
    {
      schema: {
        tags,
        summary: 'Country outlines as GeoJSON',
        querystring: CountryListQuery,
        response: {
          200: geoJson(CountryCollection, 'The countries, by code'),
          304: notModified,
          ...problemResponses(400, 503),
        },
      },
    },
    async (request, reply) => {
      const { bbox, simplify } = request.query;
      await sendGeoJson(request, reply, async () => {
        const features = await repository.listCountries({ bbox: bboxOf(bbox), simplify });
        return { type: 'FeatureCollection', features, numberReturned: features.length };
      });
    },
  );

  app.get(
    '/api/v1/boundaries/countries/:code',
    {
      schema: {
        tags,
        summary: "One country's outline as a GeoJSON Feature",
        params: CountryParams,
        querystring: BoundaryQuery,
        response: {
          200: geoJson(CountryFeature, 'The country'),
          304: notModified,
          ...problemResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      await sendGeoJson(request, reply, async () => {
        const feature = await repository.findCountry(request.params.code, request.query);
        if (!feature) throw notFound('country');
        return feature;
      });
    },
  );

  app.get(
    '/api/v1/boundaries/departments',
    {
      schema: {
        tags,
        summary: 'Department (first-level division) outlines as GeoJSON',
        querystring: DepartmentListQuery,
        response: {
          200: geoJson(DepartmentCollection, 'The departments, by code'),
          304: notModified,
          ...problemResponses(400, 503),
        },
      },
    },
    async (request, reply) => {
      const { bbox, ...filters } = request.query;
      await sendGeoJson(request, reply, async () => {
        const features = await repository.listDepartments({ ...filters, bbox: bboxOf(bbox) });
        return { type: 'FeatureCollection', features, numberReturned: features.length };
      });
    },
  );

  app.get(
    '/api/v1/boundaries/departments/:code',
    {
      schema: {
        tags,
        summary: "One department's outline as a GeoJSON Feature",
        params: DepartmentParams,
        querystring: BoundaryQuery,
        response: {
          200: geoJson(DepartmentFeature, 'The department'),
          304: notModified,
          ...problemResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      await sendGeoJson(request, reply, async () => {
        const feature = await repository.findDepartment(request.params.code, request.query);
        if (!feature) throw notFound('department');
        return feature;
      });
    },
  );
  done();
};

export default boundaries;
