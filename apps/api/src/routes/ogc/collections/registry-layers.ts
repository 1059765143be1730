// Sites and programs (public reads). A program's geometry is the collection of its live sites'
// geometries (null without sites); programs are edited through the REST API only, because their
// geometry is derived. The registry's filters come from the REST lists' own filter code.
import { asGeoJSON, type Database } from '@atlas/db';
import {
  agencies,
  codesOf,
  countries,
  programLines,
  programStatuses,
  type CountryCode,
  type ProgramLine,
  type ProgramStatus,
  type SiteGeometry,
} from '@atlas/domain';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { LayerSource, RecordStore, StoredRecord } from '../../../registry';
import {
  applyFilters,
  PROGRAM_COLUMNS,
  stageTotal,
  type ProgramFilters,
} from '../../programs/repository';
import { ProgramListQuery } from '../../programs/schemas';
import { createSiteStore } from '../../sites/records';
import { filteredSites, type SiteFilters } from '../../sites/repository';
import { SiteListQuery } from '../../sites/schemas';
import { defineCollection, recordFeature, type OgcCollection } from '../collection';
import type { Queryables } from '../cql2';
import { META_QUERYABLES, propertyNames, READ_ONLY } from './common';
import { registryFilters } from './context-layers';

const hasFilters = (filters: object) => Object.values(filters).some((value) => value !== undefined);

const siteSource: LayerSource<'sites' | 'programs', SiteRow, SiteFilters, SiteRow> = {
  from: (db) => filteredSites(db, {}),
  select: (db) =>
    filteredSites(db, {}).select([
      'sites.id',
      'sites.programId',
      'sites.name',
      'sites.precision',
      'sites.description',
      'sites.country',
      'sites.department',
      'programs.title as programTitle',
      'programs.line',
      'programs.status',
      'sites.illustrative',
      'sites.version',
      'sites.updatedAt',
      asGeoJSON<SiteGeometry>('sites.geom').as('geometry'),
    ]),
  conditions: (filters, db) =>
    hasFilters(filters)
      ? [sql<SqlBool>`sites.id IN (${filteredSites(db, filters).select('sites.id')})`]
      : [],
  record: (row) => ({ ...row, updatedAt: new Date(row.updatedAt).toISOString() }),
};

interface SiteRow {
  id: string;
  programId: string;
  name: string;
  precision: number;
  description: string | null;
  country: CountryCode | null;
  department: string | null;
  programTitle: string;
  line: ProgramLine;
  status: ProgramStatus;
  illustrative: boolean;
  version: number;
  updatedAt: Date | string;
  geometry: SiteGeometry;
}

/** The live sites of a program, collected (GeometryCollection when points and areas mix). */
const programGeometry = sql`(SELECT ST_Collect(s.geom ORDER BY s.id) FROM sites s
  WHERE s.program_id = programs.id AND s.deleted_at IS NULL)`;

function selectPrograms(db: Kysely<Database>) {
  return db
    .selectFrom('programs')
    .where('programs.deletedAt', 'is', null)
    .select(PROGRAM_COLUMNS)
    .select([
      stageTotal('committed').as('committedUsd'),
      stageTotal('obligated').as('obligatedUsd'),
      stageTotal('disbursed').as('disbursedUsd'),
      asGeoJSON(programGeometry).as('geometry'),
    ]);
}

type ProgramRow = Awaited<ReturnType<ReturnType<typeof selectPrograms>['executeTakeFirstOrThrow']>>;

type ProgramOutput = Omit<ProgramRow, 'createdAt' | 'updatedAt' | 'deletedAt'> & {
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
};

const programSource: LayerSource<'programs', ProgramRow, ProgramFilters, ProgramOutput> = {
  from: (db) => db.selectFrom('programs').where('programs.deletedAt', 'is', null),
  select: selectPrograms,
  conditions: (filters, db) =>
    hasFilters(filters)
      ? [
          sql<SqlBool>`programs.id IN (${applyFilters(db.selectFrom('programs').select('programs.id'), filters)})`,
        ]
      : [],
  record: (row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: null,
  }),
};

const siteQueryables: Queryables = {
  geometry: {
    type: 'geometry',
    column: 'sites.geom',
    description: 'Point or area',
    format: 'geometry-any',
  },
  programId: { type: 'string', column: 'sites.programId', description: 'Program (UUID)' },
  name: { type: 'string', column: 'sites.name', description: 'Name' },
  precision: {
    type: 'integer',
    column: 'sites.precision',
    description: 'IATI geographic precision (1-9)',
  },
  description: {
    type: 'string',
    column: 'sites.description',
    description: 'Description',
    nullable: true,
  },
  country: {
    type: 'string',
    column: 'sites.country',
    description: 'Country code (derived)',
    enum: codesOf(countries),
    nullable: true,
  },
  department: {
    type: 'string',
    column: 'sites.department',
    description: 'Department code (derived)',
    nullable: true,
  },
  programTitle: { type: 'string', column: 'programs.title', description: "The program's title" },
  line: {
    type: 'string',
    column: 'programs.line',
    description: 'Program line',
    enum: codesOf(programLines),
  },
  status: {
    type: 'string',
    column: 'programs.status',
    description: "The program's status",
    enum: codesOf(programStatuses),
  },
  ...META_QUERYABLES('sites'),
};

const programQueryables: Queryables = {
  geometry: {
    type: 'geometry',
    column: programGeometry,
    description: 'Its sites',
    format: 'geometry-any',
  },
  code: { type: 'string', column: 'programs.code', description: 'Program code' },
  title: { type: 'string', column: 'programs.title', description: 'Title (English)' },
  titleEs: { type: 'string', column: 'programs.titleEs', description: 'Title (Spanish)' },
  line: {
    type: 'string',
    column: 'programs.line',
    description: 'Program line',
    enum: codesOf(programLines),
  },
  goals: { type: 'integer-array', column: 'programs.goals', description: 'CARSI goals (1-5)' },
  countries: {
    type: 'string-array',
    column: 'programs.countries',
    description: 'Countries',
    enum: codesOf(countries),
  },
  agency: {
    type: 'string',
    column: 'programs.agency',
    description: 'Agency',
    enum: codesOf(agencies),
  },
  partners: { type: 'string-array', column: 'programs.partners', description: 'Partners' },
  status: {
    type: 'string',
    column: 'programs.status',
    description: 'Status',
    enum: codesOf(programStatuses),
  },
  startDate: { type: 'date', column: 'programs.startDate', description: 'Start' },
  endDate: {
    type: 'date',
    column: 'programs.endDate',
    description: 'End (null: open)',
    nullable: true,
  },
  source: { type: 'string', column: 'programs.source', description: 'Source', nullable: true },
  committedUsd: {
    type: 'integer',
    column: stageTotal('committed'),
    description: 'Committed (USD)',
  },
  obligatedUsd: {
    type: 'integer',
    column: stageTotal('obligated'),
    description: 'Obligated (USD)',
  },
  disbursedUsd: {
    type: 'integer',
    column: stageTotal('disbursed'),
    description: 'Disbursed (USD)',
  },
  ...META_QUERYABLES('programs'),
};

const asStore = <I, O extends StoredRecord>(store: RecordStore<I, O>) =>
  store as unknown as RecordStore<unknown, StoredRecord & { geometry?: unknown }>;

export function registryCollections(db: Kysely<Database>): OgcCollection[] {
  return [
    defineCollection({
      id: 'sites',
      title: 'Program sites',
      description:
        'Where CARSI programs work: points and areas, with their program line and status.',
      access: 'public',
      layers: ['sites', 'programs'],
      idFormat: 'uuid',
      idColumn: 'sites.id',
      geometry: sql.ref('sites.geom'),
      temporal: { start: sql.ref('programs.startDate'), end: sql.ref('programs.endDate') },
      queryables: siteQueryables,
      properties: propertyNames(siteQueryables),
      filters: registryFilters(SiteListQuery),
      source: siteSource,
      feature: recordFeature,
      editing: {
        store: asStore(createSiteStore(db)),
        readOnly: [...READ_ONLY, 'country', 'department', 'programTitle', 'line', 'status'],
      },
    }),
    defineCollection({
      id: 'programs',
      title: 'Programs',
      description:
        'CARSI programs with funding totals; the geometry is the collection of their sites ' +
        '(edit programs through /api/v1/programs).',
      access: 'public',
      layers: ['programs', 'sites'],
      idFormat: 'uuid',
      idColumn: 'programs.id',
      geometry: programGeometry,
      temporal: { start: sql.ref('programs.startDate'), end: sql.ref('programs.endDate') },
      queryables: programQueryables,
      properties: propertyNames(programQueryables, [
        'summary',
        'summaryEs',
        'createdAt',
        'deletedAt',
      ]),
      filters: registryFilters(ProgramListQuery),
      source: programSource,
      feature: recordFeature,
    }),
  ];
}
