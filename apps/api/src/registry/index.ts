// The record machinery shared by every editable collection (docs/api-conventions.md).
//
// How a feature folder uses it (see src/routes/programs and src/routes/sites):
//
//   // records.ts: how the collection maps onto its table
//   export const createThingStore = (db: Kysely<Database>) =>
//     createRecordStore<ThingInput, ThingOutput>(db, {
//       table: 'things', entityType: 'thing', noun: 'thing',
//       find: (on, id) => findThing(on, id),          // deleted or not; `on` may be a transaction
//       validate: validateThingInput,                   // schema + domain rules, whole record
//       values: (input) => ({ name: input.name, geom: geomFromGeoJSON(input.geometry) }),
//       geometryOf: (input) => input.geometry,          // shape, <= 10,000 vertices, ST_IsValid
//       countriesOf: (on, thing) => Promise.resolve([thing.country]), // scope, before + after
//       derivedFields: ['country'],                     // not input: dropped when merging
//     });
//
//   // routes.ts
//   const things: FastifyPluginAsyncTypebox = async (app) => {
//     await app.register(recordRoutes({
//       collection: 'things', noun: 'thing', store: createThingStore(app.db),
//       input: ThingInput, patch: ThingPatch, output: ThingOutput, feature: true,
//     }));
//     app.get('/api/v1/things', …);                   // the list stays in the feature folder
//   };
//
// Every change runs in one transaction: conditional UPDATE (`… AND version = $2`), child rows,
// scope checks before and after, and the audit event (writeAudit). Errors (HttpError,
// BadInputError) become problem+json through the app's error handler. Add the routes to
// src/auth/policy.ts.
export { readHistory, snapshotAt, writeAudit, type AuditChange, type HistoryEntry } from './audit';
export {
  assertVersionMatches,
  formatEtag,
  parseIfMatch,
  requireIfMatch,
  staleVersion,
  type IfMatch,
} from './etag';
export { BadInputError, HttpError, notFound } from './errors';
export {
  countVertices,
  geometryProblems,
  geometryShapeProblems,
  invalidGeometryReason,
  MAX_VERTICES,
} from './geometry';
export {
  createRecordStore,
  type RecordDefinition,
  type RecordStore,
  type RecordTable,
  type StoredRecord,
} from './records';
export {
  HistorySchema,
  IdParams,
  recordRoutes,
  toFeature,
  type RecordRoutesOptions,
} from './routes';
export { bboxOf, bboxPredicate, bboxQuery } from './bbox';
export {
  BboxFilter,
  featureCollection,
  featureCollectionSchema,
  featureSchema,
  geometryOutput,
  iso,
  layerSchemas,
  NullableString,
  orderTerms,
  RecordMetaOutput,
} from './layer-list';
export { createLayerRepository, listLayer, type LayerQuery, type LayerSource } from './layers';
