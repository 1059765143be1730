export { openDatabase } from './open';
export type { AtlasDatabase, OpenDatabaseConfig } from './open';
export type { Capabilities } from './capabilities';
export type { DbLogger } from './connection/logger';
export { migrateToLatest, MigrationError } from './migrate';
export { seedIfEmpty } from './seed';
export type { SeedData, SeedOptions, SeedResult } from './seed';
export * from './schema';
export type * from './codes';
export { asGeoJSON, envelope, geomFromGeoJSON, multiGeomFromGeoJSON } from './sql/geometry';
export {
  DATA_LAYERS,
  dataVersion,
  formatDataVersion,
  type DataLayer,
  type DataVersionRow,
} from './data-version';
