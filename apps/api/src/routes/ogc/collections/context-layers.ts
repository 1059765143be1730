// The three context layers (corridors, communities, incidents): the REST list's source, filters
// and record store, plus their queryables. Readable by signed-in users and keys only.
import {
  codesOf,
  confidenceLevels,
  corridorModes,
  countries,
  incidentKinds,
  threats,
} from '@atlas/domain';
import type { Database } from '@atlas/db';
import { sql, type Kysely } from 'kysely';
import Type, { type TObject } from 'typebox';
import type { RecordStore, StoredRecord } from '../../../registry';
import { createCommunityStore } from '../../communities/records';
import { communitySource } from '../../communities/repository';
import { CommunityListQuery } from '../../communities/schemas';
import { createCorridorStore } from '../../corridors/records';
import { corridorSource } from '../../corridors/repository';
import { CorridorListQuery } from '../../corridors/schemas';
import { createIncidentStore } from '../../incidents/records';
import { incidentSource } from '../../incidents/repository';
import { IncidentListQuery } from '../../incidents/schemas';
import { defineCollection, recordFeature, type OgcCollection } from '../collection';
import type { Queryables } from '../cql2';
import { META_QUERYABLES, propertyNames, READ_ONLY } from './common';

/** The REST list's filters minus what OGC spells its own way (paging, sort, bbox). */
export function registryFilters(query: TObject) {
  return Type.Omit(query, ['limit', 'offset', 'sort', 'bbox']).properties;
}

const asStore = <I, O extends StoredRecord>(store: RecordStore<I, O>) =>
  store as unknown as RecordStore<unknown, StoredRecord & { geometry?: unknown }>;

export function contextCollections(db: Kysely<Database>): OgcCollection[] {
  const corridorQueryables: Queryables = {
    geometry: {
      type: 'geometry',
      column: 'corridors.geom',
      description: 'The line',
      format: 'geometry-any',
    },
    name: { type: 'string', column: 'corridors.name', description: 'Name' },
    mode: {
      type: 'string',
      column: 'corridors.mode',
      description: 'Mode',
      enum: codesOf(corridorModes),
    },
    threats: {
      type: 'string-array',
      column: 'corridors.threats',
      description: 'Threats carried',
      enum: codesOf(threats),
    },
    confidence: {
      type: 'string',
      column: 'corridors.confidence',
      description: 'Confidence',
      enum: codesOf(confidenceLevels),
    },
    source: { type: 'string', column: 'corridors.source', description: 'Source' },
    validFrom: { type: 'date', column: 'corridors.validFrom', description: 'Valid from' },
    validTo: {
      type: 'date',
      column: 'corridors.validTo',
      description: 'Valid until (null: still valid)',
      nullable: true,
    },
    description: {
      type: 'string',
      column: 'corridors.description',
      description: 'Description',
      nullable: true,
    },
    ...META_QUERYABLES('corridors'),
  };
  const communityQueryables: Queryables = {
    geometry: {
      type: 'geometry',
      column: 'communities.geom',
      description: 'Point or area',
      format: 'geometry-any',
    },
    name: { type: 'string', column: 'communities.name', description: 'Name' },
    country: {
      type: 'string',
      column: 'communities.country',
      description: 'Country code',
      enum: codesOf(countries),
    },
    department: {
      type: 'string',
      column: 'communities.department',
      description: 'Department code',
      nullable: true,
    },
    population: { type: 'integer', column: 'communities.population', description: 'Population' },
    homicideRate: {
      type: 'number',
      column: 'communities.homicideRate',
      description: 'Homicides per 100,000',
    },
    year: { type: 'integer', column: 'communities.year', description: 'Data year' },
    source: { type: 'string', column: 'communities.source', description: 'Source' },
    ...META_QUERYABLES('communities'),
  };
  const incidentQueryables: Queryables = {
    geometry: {
      type: 'geometry',
      column: 'incidents.geom',
      description: 'Where',
      format: 'geometry-point',
    },
    kind: {
      type: 'string',
      column: 'incidents.kind',
      description: 'Kind',
      enum: codesOf(incidentKinds),
    },
    occurredOn: { type: 'date', column: 'incidents.occurredOn', description: 'Date' },
    country: {
      type: 'string',
      column: 'incidents.country',
      description: 'Country code',
      enum: codesOf(countries),
    },
    threat: {
      type: 'string',
      column: 'incidents.threat',
      description: 'Threat',
      enum: codesOf(threats),
      nullable: true,
    },
    quantity: {
      type: 'number',
      column: 'incidents.quantity',
      description: 'Quantity',
      nullable: true,
    },
    unit: {
      type: 'string',
      column: 'incidents.unit',
      description: 'Unit of quantity',
      nullable: true,
    },
    description: {
      type: 'string',
      column: 'incidents.description',
      description: 'Description',
      nullable: true,
    },
    source: { type: 'string', column: 'incidents.source', description: 'Source' },
    ...META_QUERYABLES('incidents'),
  };

  return [
    defineCollection({
      id: 'corridors',
      title: 'Trafficking corridors',
      description: 'Land, maritime, air and riverine trafficking corridors (signed-in readers).',
      access: 'read',
      layers: ['corridors'],
      idFormat: 'uuid',
      idColumn: 'corridors.id',
      geometry: sql.ref('corridors.geom'),
      temporal: { start: sql.ref('corridors.validFrom'), end: sql.ref('corridors.validTo') },
      queryables: corridorQueryables,
      properties: propertyNames(corridorQueryables, ['createdAt', 'deletedAt']),
      filters: registryFilters(CorridorListQuery),
      source: corridorSource,
      feature: recordFeature,
      editing: { store: asStore(createCorridorStore(db)), readOnly: READ_ONLY },
    }),
    defineCollection({
      id: 'communities',
      title: 'Communities at risk',
      description: 'Communities at risk with population and homicide rate (signed-in readers).',
      access: 'read',
      layers: ['communities'],
      idFormat: 'uuid',
      idColumn: 'communities.id',
      geometry: sql.ref('communities.geom'),
      queryables: communityQueryables,
      properties: propertyNames(communityQueryables, ['createdAt', 'deletedAt']),
      filters: registryFilters(CommunityListQuery),
      source: communitySource,
      feature: recordFeature,
      editing: { store: asStore(createCommunityStore(db)), readOnly: READ_ONLY },
    }),
    defineCollection({
      id: 'incidents',
      title: 'Incidents',
      description: 'Dated incidents: seizures, homicides, extortion, arrests… (signed-in readers).',
      access: 'read',
      layers: ['incidents'],
      idFormat: 'uuid',
      idColumn: 'incidents.id',
      geometry: sql.ref('incidents.geom'),
      temporal: { start: sql.ref('incidents.occurredOn') },
      queryables: incidentQueryables,
      properties: propertyNames(incidentQueryables, ['createdAt', 'deletedAt']),
      filters: registryFilters(IncidentListQuery),
      source: incidentSource,
      feature: recordFeature,
      editing: { store: asStore(createIncidentStore(db)), readOnly: READ_ONLY },
    }),
  ];
}
