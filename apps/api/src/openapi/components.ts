// Named components of the OpenAPI document: the domain schemas (by their `$id`), the problem+json
// body, and the security schemes (docs/api-conventions.md, "Authentication and principals").
import { namedSchemas } from '@atlas/domain';
import type { TSchema } from 'typebox';
import { ProblemSchema } from '../lib/problem';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/sessions';

export const PROBLEM_COMPONENT = 'Problem';

/** Every schema that becomes `#/components/schemas/<name>`, by name. */
export const COMPONENT_SCHEMAS: ReadonlyMap<string, TSchema> = new Map<string, TSchema>([
  ...namedSchemas.map((schema): [string, TSchema] => [
    String((schema as { $id?: unknown }).$id),
    schema,
  ]),
  [PROBLEM_COMPONENT, ProblemSchema],
]);

/** The component name of a schema object, when it is one of the named ones. */
export function componentNameOf(value: object): string | undefined {
  if (value === ProblemSchema) return PROBLEM_COMPONENT;
  const id = (value as { $id?: unknown }).$id;
  return typeof id === 'string' && COMPONENT_SCHEMAS.has(id) ? id : undefined;
}

export const SECURITY_SCHEMES = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'atlas_<prefix>_<secret>',
    description: 'An API key (services): `Authorization: Bearer atlas_…`, shown once at creation.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by `POST /api/v1/auth/login` (the admin app).',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'The CSRF token answered by the login; required on every cookie-authenticated write.',
  },
} as const;

export const TAGS = [
  { name: 'health', description: 'Liveness and readiness' },
  { name: 'auth', description: 'Sessions: log in, log out, who am I' },
  { name: 'users', description: 'People and their roles (administrators only)' },
  { name: 'api-keys', description: 'API keys for services (administrators only)' },
  { name: 'reference', description: 'Code lists with English and Spanish labels' },
  { name: 'boundaries', description: 'Country and department outlines (read-only GeoJSON)' },
  { name: 'programs', description: 'CARSI programs: funding, indicators, countries' },
  { name: 'sites', description: 'Program sites (GeoJSON)' },
  { name: 'corridors', description: 'Trafficking corridors (GeoJSON; signed-in readers)' },
  { name: 'communities', description: 'Communities at risk (GeoJSON; signed-in readers)' },
  { name: 'incidents', description: 'Dated incidents (GeoJSON; signed-in readers)' },
  { name: 'ogc', description: 'OGC API Features with CQL2 filters (QGIS, GDAL, ArcGIS)' },
  { name: 'tiles', description: 'Mapbox Vector Tiles, TileJSON and OGC API Tiles' },
  { name: 'analysis', description: 'Spatial analyses: coverage, crossings, gaps, summaries' },
  { name: 'import', description: 'Import CSV, GeoJSON and IATI files: preview, then commit' },
  { name: 'export', description: 'Export lists as CSV, GeoJSON and IATI 2.03 XML' },
];
