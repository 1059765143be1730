// Import and export routes (docs/import-export.md).
//   POST /api/v1/imports/:collection   the file as the raw body; ?source=…&format=…[&commit=true]
//   GET  /api/v1/imports/sources/:source   the column mappings remembered for a source
//   GET  /api/v1/exports/<collection>  ?format=csv|geojson|iati&<the list's filters>&ids=…&columns=…
// Import bodies stream (their own limit, MAX_IMPORT_BYTES); a preview answers 200 with the
// report; a commit with problems answers 400 (403 when rows are outside the caller's scope)
// and writes nothing. With `Accept: application/x-ndjson` the answer streams progress lines.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { PassThrough, Readable } from 'node:stream';
import Type from 'typebox';
import { PROBLEM_CONTENT_TYPE, problemBody, problemResponses } from '../../lib/problem';
import { bboxOf, HttpError } from '../../registry';
import { COLLECTIONS, type Collection } from './fields';
import { csvChunks, defaultColumns, geoJsonChunks, iatiChunks, unknownColumns } from './export';
import { EXPORT_QUERIES, filtersOf } from './export-filters';
import { primedExportPages, recordsOf, type ExportSelection } from './export-pages';
import type { ImportReport } from './importer';
import { MappingError } from './mapping';
import { FileError } from './readers';
import {
  IMPORT_FORMATS,
  importFile,
  MAX_IMPORT_BYTES,
  rememberedMapping,
  type ImportFormat,
} from './source';

const ImportQuery = Type.Object(
  {
    source: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
    format: Type.Optional(Type.Union(IMPORT_FORMATS.map((format) => Type.Literal(format)))),
    commit: Type.Optional(Type.Boolean({ default: false })),
    mapping: Type.Optional(Type.String({ description: 'JSON object: field → column name' })),
    delimiter: Type.Optional(
      Type.Union([Type.Literal(','), Type.Literal(';'), Type.Literal('\t')]),
    ),
  },
  { additionalProperties: false },
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function formatOf(
  declared: ImportFormat | undefined,
  contentType: string | undefined,
): ImportFormat {
  if (declared) return declared;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/geo+json' || type === 'application/json') return 'geojson';
  if (type === 'application/xml' || type === 'text/xml') return 'iati';
  throw new HttpError(
    415,
    'say which format the file is: ?format=csv|geojson|iati or its Content-Type',
  );
}

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      if (Object.values(parsed).every((value) => typeof value === 'string')) {
        return parsed as Record<string, string>;
      }
    }
  } catch {
    // reported below
  }
  throw new HttpError(400, 'mapping must be a JSON object of field → column name');
}

/** The HTTP status and body of a finished import. */
function outcome(report: ImportReport, commit: boolean): { status: number; body: object } {
  if (!commit || report.committed) return { status: 200, body: report };
  const status = report.deniedCount > 0 ? 403 : 400;
  const errors = report.problems.map((problem) => ({
    path: `/rows/${problem.row}/${problem.field}`,
    message: problem.message,
  }));
  const detail = `${report.problemCount} problem(s) in ${report.rows} rows; nothing was imported`;
  return { status, body: { ...problemBody(status, detail, errors), report } };
}

function failure(error: unknown): { status: number; message: string } | undefined {
  if (error instanceof FileError) return { status: error.statusCode, message: error.message };
  if (error instanceof MappingError) return { status: 400, message: error.message };
  return undefined;
}

/** The preview or commit report (docs/import-export.md): counts, rows and problems. */
const ImportReportSchema = Type.Object(
  {},
  { additionalProperties: true, description: 'The import report (docs/import-export.md)' },
);

const io: FastifyPluginCallbackTypebox = (app, _opts, ready) => {
  // Import bodies are read as streams by the route, not parsed (nor limited) by Fastify.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => {
    done(null, payload);
  });

  app.post(
    '/api/v1/imports/:collection',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Preview or commit an import (CSV, GeoJSON or IATI XML as the body)',
        params: Type.Object({ collection: Type.Union(COLLECTIONS.map((c) => Type.Literal(c))) }),
        querystring: ImportQuery,
        response: {
          200: ImportReportSchema,
          ...problemResponses(400, 401, 403, 413, 415, 503),
        },
      },
    },
    async (request, reply) => {
      const { collection } = request.params as { collection: Collection };
      const query = request.query;
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > MAX_IMPORT_BYTES) {
        throw new HttpError(413, `imports may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
      }
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function')
        throw new HttpError(400, 'send the file as the body');
      const commit = query.commit ?? false;
      const run = (onProgress?: (progress: { rows: number }) => void) =>
        importFile(app.db, {
          body,
          collection,
          format: formatOf(query.format, request.headers['content-type']),
          source: query.source,
          principal: request.principal,
          mapping: parseMapping(query.mapping),
          commit,
          delimiter: query.delimiter,
          onProgress,
        });

      if ((request.headers.accept ?? '').includes('application/x-ndjson')) {
        const lines = new PassThrough();
        const write = (line: object) => lines.write(`${JSON.stringify(line)}\n`);
        void run((progress) => write({ type: 'progress', ...progress })).then(
          (report) => {
            const { status, body: result } = outcome(report, commit);
            write({ ...result, type: 'result', status });
            lines.end();
          },
          (error: unknown) => {
            const known = failure(error);
            const status = known?.status ?? 503;
            write({
              ...problemBody(status, known?.message ?? 'the import failed'),
              type: 'result',
            });
            lines.end();
          },
        );
        return reply.type('application/x-ndjson').send(lines);
      }

      try {
        const { status, body: result } = outcome(await run(), commit);
        if (status !== 200) reply.type(PROBLEM_CONTENT_TYPE);
        // 200 or a problem status: the report is the body of both (typed by the 200 entry).
        return await reply.code(status as 200).send(result);
      } catch (error) {
        const known = failure(error);
        if (!known) throw error;
        return reply
          .code(known.status as 200)
          .type(PROBLEM_CONTENT_TYPE)
          .send(problemBody(known.status, known.message));
      }
    },
  );

  app.get(
    '/api/v1/imports/sources/:source',
    {
      schema: {
        tags: ['import'],
        summary: 'The column mapping remembered for a source, per collection',
        params: Type.Object({ source: Type.String({ maxLength: 200 }) }),
        response: {
          200: Type.Object({
            source: Type.String(),
            mappings: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), {
              description: 'Per collection: record field -> column of the file',
            }),
          }),
          ...problemResponses(400, 401, 503),
        },
      },
    },
    async (request) => {
      const mappings: Record<string, Record<string, string>> = {};
      for (const collection of COLLECTIONS) {
        const mapping = await rememberedMapping(app.db, request.params.source, collection);
        if (Object.keys(mapping).length > 0) mappings[collection] = mapping;
      }
      return { source: request.params.source, mappings };
    },
  );

  for (const collection of COLLECTIONS) {
    app.get(
      `/api/v1/exports/${collection}`,
      {
        schema: {
          tags: ['export'],
          summary: `Export ${collection} as CSV, GeoJSON${collection === 'programs' ? ' or IATI 2.03 XML' : ''}`,
          description:
            'The records the REST list would answer for the same filters (all of them, in id ' +
            'order, no paging); `ids` narrows to a selection.',
          querystring: EXPORT_QUERIES[collection],
          response: {
            200: {
              description: 'The export, streamed',
              content: {
                'text/csv': { schema: Type.String() },
                'application/geo+json': { schema: Type.Object({}, { additionalProperties: true }) },
                ...(collection === 'programs'
                  ? { 'application/xml': { schema: Type.String() } }
                  : {}),
              },
            },
            ...problemResponses(400, 401, 503),
          },
        },
      },
      async (request, reply) => {
        const query = request.query;
        const format = query.format ?? 'csv';
        const ids = query.ids
          ?.split(',')
          .map((id) => id.trim())
          .filter(Boolean);
        if (ids?.some((id) => !UUID.test(id)))
          throw new HttpError(400, 'ids must be record ids (uuids)');
        const selection: ExportSelection = {
          filters: { ...filtersOf(query), bbox: bboxOf(query.bbox) },
          ids,
        };
        if (format === 'iati' && collection !== 'programs')
          throw new HttpError(400, 'IATI exports programs only');
        const pages = await primedExportPages(app.db, collection, selection);
        const records = recordsOf(pages);
        let chunks: AsyncIterable<string>;
        if (format === 'iati') {
          const vocabularyUri = `${request.protocol}://${request.host}/api/v1/reference`;
          chunks = iatiChunks(app.db, pages, {
            ref: 'US-GOV-1',
            name: 'CARSI Atlas',
            vocabularyUri,
          });
          reply.type('application/xml; charset=utf-8');
        } else if (format === 'geojson') {
          chunks = geoJsonChunks(records);
          reply.type('application/geo+json');
        } else {
          const columns =
            query.columns?.split(',').map((column) => column.trim()) ?? defaultColumns(collection);
          const unknown = unknownColumns(collection, columns);
          if (unknown.length > 0)
            throw new HttpError(400, `unknown columns: ${unknown.join(', ')}`);
          chunks = csvChunks(records, collection, {
            columns,
            names: query.names ?? true,
            lang: query.lang ?? 'en',
          });
          reply.type('text/csv; charset=utf-8');
        }
        const extension = format === 'iati' ? 'xml' : format;
        reply.header('content-disposition', `attachment; filename="${collection}.${extension}"`);
        return reply.send(Readable.from(chunks));
      },
    );
  }
  ready();
};

export default io;
