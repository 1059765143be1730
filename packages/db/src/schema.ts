// One `Database` interface for every table, in camelCase (Kysely's CamelCasePlugin maps it to the
// snake_case columns of the migrations).
//
// Conventions:
// - Geometry columns are named `geom` and typed `GeometryColumn`: never select them raw, select
//   `asGeoJSON('table.geom')` (GeoJSON object) and write `geomFromGeoJSON(geojson)`
//   (see src/sql/geometry.ts). The branded type makes a plain value a type error.
// - `date` columns come back as 'YYYY-MM-DD' strings, `timestamptz` as Date, `bigint`
//   (money, counts) as number (exact up to 2^53; larger values throw instead of rounding).
// - jsonb columns take plain objects (pg serializes them).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DataLayer } from './data-version';
import type {
  ActorType,
  Agency,
  AuditAction,
  ConfidenceLevel,
  CorridorMode,
  CountryCode,
  EntityType,
  FundingAccount,
  FundingStage,
  Goal,
  GeoPrecision,
  IncidentKind,
  ProgramLine,
  ProgramStatus,
  Role,
  Threat,
  UserRole,
} from './codes';

declare const geometryBrand: unique symbol;
/** A stored geometry (EWKB hex when selected raw). Produce one with `geomFromGeoJSON`. */
export type GeometryValue = string & { readonly [geometryBrand]: true };
export type GeometryColumn = ColumnType<GeometryValue, GeometryValue, GeometryValue>;

/** 'YYYY-MM-DD' */
export type DateString = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type WithDefault<T> = ColumnType<T, T | undefined, T>;
type ReadOnly<T> = ColumnType<T, never, never>;
type Json = Record<string, unknown>;

/** Columns shared by every editable record. */
interface Editable {
  illustrative: WithDefault<boolean>;
  version: WithDefault<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deletedAt: NullableTimestamp;
}

export interface ProgramsTable extends Editable {
  id: Generated<string>;
  code: string;
  title: string;
  titleEs: WithDefault<string>;
  summary: WithDefault<string>;
  summaryEs: WithDefault<string>;
  line: ProgramLine;
  goals: Goal[];
  countries: CountryCode[];
  agency: Agency;
  partners: WithDefault<string[]>;
  status: ProgramStatus;
  startDate: DateString;
  endDate: DateString | null;
  source: string | null;
  /** Generated tsvectors (english: code + title + summary; spanish: code + titleEs + summaryEs). */
  searchEn: ReadOnly<string>;
  searchEs: ReadOnly<string>;
}

export interface ProgramFundingTable {
  programId: string;
  fiscalYear: number;
  account: FundingAccount;
  stage: FundingStage;
  /** Whole US dollars, >= 0. */
  amountUsd: number;
}

export interface ProgramIndicatorsTable {
  programId: string;
  /** Order of the indicator within its program (0-based). */
  position: number;
  code: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  actual: number | null;
}

export interface SitesTable extends Editable {
  id: Generated<string>;
  programId: string;
  name: string;
  precision: GeoPrecision;
  geom: GeometryColumn;
  /** Set by a trigger from the boundaries on every write of geom. */
  country: ColumnType<CountryCode | null, never, never>;
  department: ColumnType<string | null, never, never>;
  description: string | null;
}

export interface CorridorsTable extends Editable {
  id: Generated<string>;
  name: string;
  mode: CorridorMode;
  threats: Threat[];
  confidence: ConfidenceLevel;
  source: string;
  validFrom: DateString;
  validTo: DateString | null;
  geom: GeometryColumn;
  description: string | null;
}

export interface CommunitiesTable extends Editable {
  id: Generated<string>;
  name: string;
  country: CountryCode;
  department: string | null;
  geom: GeometryColumn;
  population: number;
  /** Homicides per 100,000 inhabitants. */
  homicideRate: number;
  year: number;
  source: string;
}

export interface IncidentsTable extends Editable {
  id: Generated<string>;
  kind: IncidentKind;
  occurredOn: DateString;
  geom: GeometryColumn;
  country: CountryCode;
  department: string | null;
  threat: Threat | null;
  quantity: number | null;
  unit: string | null;
  description: string | null;
  source: string;
}

export interface CountriesTable {
  code: CountryCode;
  name: string;
  nameEs: string;
  geom: GeometryColumn;
}

export interface DepartmentsTable {
  code: string;
  country: CountryCode;
  name: string;
  nameEs: string;
  geom: GeometryColumn;
}

export interface AuditEventsTable {
  id: Generated<string>;
  at: Timestamp;
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  action: AuditAction;
  /** Null only for system events that are not about one record (e.g. the seed summary). */
  entityType: EntityType | null;
  entityId: string | null;
  version: number | null;
  before: Json | null;
  after: Json | null;
}

export interface UsersTable {
  id: Generated<string>;
  /** Lower-case, unique. */
  email: string;
  name: string;
  role: UserRole;
  /** null = every country. */
  countries: CountryCode[] | null;
  /** Never leaves the database layer. */
  passwordHash: string | null;
  version: WithDefault<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  disabledAt: NullableTimestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  keyHash: string;
  prefix: string;
  role: Role;
  countries: CountryCode[] | null;
  createdAt: Timestamp;
  createdBy: string | null;
  lastUsedAt: NullableTimestamp;
  revokedAt: NullableTimestamp;
}

export interface SessionsTable {
  /** Hash of the session token (the token itself lives only in the cookie). */
  idHash: string;
  userId: string;
  csrfTokenHash: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
}

/** One version counter per map layer (migration 007): every write to the layer bumps it. */
export interface DataVersionsTable {
  layer: DataLayer;
  epoch: string;
  version: ColumnType<string, never, never>;
  changedAt: ColumnType<Date, never, never>;
}

/** Imports (migration 008): one row per committed import. */
export interface ImportBatchesTable {
  id: Generated<string>;
  source: string;
  collection: string;
  format: string;
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  rows: WithDefault<number>;
  created: WithDefault<number>;
  updated: WithDefault<number>;
  unchanged: WithDefault<number>;
  committedAt: Timestamp;
}

/** The record each (source, entity type, external id) was imported as. */
export interface ImportExternalIdsTable {
  source: string;
  entityType: EntityType;
  externalId: string;
  entityId: string;
  batchId: string;
  updatedAt: Timestamp;
}

/** The column mapping last used for a source and collection. */
export interface ImportSourcesTable {
  source: string;
  collection: string;
  mapping: Record<string, string>;
  updatedBy: string;
  updatedAt: Timestamp;
}

export interface Database {
  programs: ProgramsTable;
  programFunding: ProgramFundingTable;
  programIndicators: ProgramIndicatorsTable;
  sites: SitesTable;
  corridors: CorridorsTable;
  communities: CommunitiesTable;
  incidents: IncidentsTable;
  countries: CountriesTable;
  departments: DepartmentsTable;
  auditEvents: AuditEventsTable;
  users: UsersTable;
  apiKeys: ApiKeysTable;
  sessions: SessionsTable;
  dataVersions: DataVersionsTable;
  importBatches: ImportBatchesTable;
  importExternalIds: ImportExternalIdsTable;
  importSources: ImportSourcesTable;
}

export type ProgramRow = Selectable<ProgramsTable>;
export type NewProgramRow = Insertable<ProgramsTable>;
export type ProgramUpdate = Updateable<ProgramsTable>;
export type ProgramFundingRow = Selectable<ProgramFundingTable>;
export type ProgramIndicatorRow = Selectable<ProgramIndicatorsTable>;
export type SiteRow = Selectable<SitesTable>;
export type NewSiteRow = Insertable<SitesTable>;
export type CorridorRow = Selectable<CorridorsTable>;
export type NewCorridorRow = Insertable<CorridorsTable>;
export type CommunityRow = Selectable<CommunitiesTable>;
export type NewCommunityRow = Insertable<CommunitiesTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncidentRow = Insertable<IncidentsTable>;
export type CountryRow = Selectable<CountriesTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type SessionRow = Selectable<SessionsTable>;
