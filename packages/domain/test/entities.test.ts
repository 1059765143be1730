import { describe, expect, it } from 'vitest';
import {
  ApiKey,
  namedSchemas,
  AuditEvent,
  checkCorridorRules,
  CountryBoundary,
  DepartmentBoundary,
  SiteInput,
  SitePatch,
  User,
  UserInput,
  validate,
  validateCommunityInput,
  validateCorridorInput,
  validateIncidentInput,
  validateSiteInput,
} from '../src';
import geometries from './fixtures/valid-geometries.json';

const programId = '6f1c1f9e-2b0a-4c54-9d0e-3f2a8b7c1d11';

const site = {
  programId,
  name: 'Melchor de Mencos border post',
  precision: 1,
  geometry: geometries.point,
  description: null,
  illustrative: true,
};

const corridor = {
  name: 'Belize–Petén land route',
  mode: 'land',
  threats: ['narcotics', 'firearms'],
  confidence: 'medium',
  source: 'UNODC TOCTA 2012',
  validFrom: '2008-01-01',
  validTo: null,
  geometry: geometries.lineString,
  description: null,
  illustrative: true,
};

describe('Site', () => {
  it('accepts a valid site and its patch', () => {
    expect(validateSiteInput(site).ok).toBe(true);
    expect(validateSiteInput({ ...site, geometry: geometries.multiPolygon }).ok).toBe(true);
    expect(validate(SitePatch, { precision: 4 }).ok).toBe(true);
  });

  it('rejects a line, a bad precision, a derived field and a missing programId', () => {
    expect(validateSiteInput({ ...site, geometry: geometries.lineString }).ok).toBe(false);
    expect(validateSiteInput({ ...site, precision: 10 }).ok).toBe(false);
    expect(validate(SiteInput, { ...site, country: 'GT' }).ok).toBe(false);
    const { programId: _programId, ...orphan } = site;
    expect(validateSiteInput(orphan)).toEqual({
      ok: false,
      errors: [{ path: '/programId', message: 'is required' }],
    });
  });
});

describe('Corridor', () => {
  it('accepts a valid corridor', () => {
    expect(validateCorridorInput(corridor).ok).toBe(true);
  });

  it('rejects reversed validity, empty threats and a point', () => {
    expect(validateCorridorInput({ ...corridor, validTo: '2007-12-31' })).toEqual({
      ok: false,
      errors: [{ path: '/validTo', message: 'validTo must not be before validFrom' }],
    });
    expect(validateCorridorInput({ ...corridor, threats: [] }).ok).toBe(false);
    expect(validateCorridorInput({ ...corridor, geometry: geometries.point }).ok).toBe(false);
    expect(checkCorridorRules({ threats: ['gangs', 'gangs'] })).toHaveLength(1);
  });
});

describe('Community and Incident', () => {
  const community = {
    name: 'Colonia Rivera Hernández',
    country: 'HN',
    department: 'HN-CR',
    geometry: geometries.polygon,
    population: 42000,
    homicideRate: 91.6,
    year: 2011,
    source: 'UNODC homicide statistics',
    illustrative: true,
  };
  const incident = {
    kind: 'clandestine_airstrip',
    occurredOn: '2011-06-14',
    geometry: geometries.point,
    country: 'HN',
    threat: 'narcotics',
    quantity: null,
    unit: null,
    description: null,
    source: 'INCSR 2012',
    illustrative: true,
  };

  it('accepts valid examples', () => {
    expect(validateCommunityInput(community).ok).toBe(true);
    expect(validateIncidentInput(incident).ok).toBe(true);
  });

  it('rejects negative or fractional population, polygons for incidents, bad dates', () => {
    expect(validateCommunityInput({ ...community, population: -1 }).ok).toBe(false);
    expect(validateCommunityInput({ ...community, population: 1.5 }).ok).toBe(false);
    expect(validateCommunityInput({ ...community, homicideRate: -0.1 }).ok).toBe(false);
    // The same range as the database's CHECK: figures from 1990 on.
    expect(validateCommunityInput({ ...community, year: 1989 }).ok).toBe(false);
    expect(validateCommunityInput({ ...community, year: 1990 }).ok).toBe(true);
    expect(validateIncidentInput({ ...incident, geometry: geometries.polygon }).ok).toBe(false);
    expect(validateIncidentInput({ ...incident, occurredOn: '2011-06-31' }).ok).toBe(false);
    expect(validateIncidentInput({ ...incident, quantity: -5 }).ok).toBe(false);
  });
});

describe('read-only and access records', () => {
  const uuid = '0b0e6a54-7c0e-4c8c-8f55-5bb8f2a1c001';
  const at = '2024-05-01T12:00:00Z';

  it('accepts boundaries', () => {
    const country = {
      code: 'GT',
      name: 'Guatemala',
      nameEs: 'Guatemala',
      geometry: geometries.polygon,
    };
    expect(validate(CountryBoundary, country).ok).toBe(true);
    expect(validate(CountryBoundary, { ...country, geometry: geometries.point }).ok).toBe(false);
    const department = { ...country, code: 'GT-PE', country: 'GT', name: 'Petén', nameEs: 'Petén' };
    expect(validate(DepartmentBoundary, department).ok).toBe(true);
    expect(validate(DepartmentBoundary, { ...department, code: 'Peten' }).ok).toBe(false);
  });

  it('accepts audit events, users and API keys', () => {
    const event = {
      id: uuid,
      at,
      actorType: 'system',
      actorId: null,
      actorLabel: 'seed',
      action: 'create',
      entityType: 'program',
      entityId: uuid,
      version: 1,
      before: null,
      after: { any: 'json' },
    };
    expect(validate(AuditEvent, event).ok).toBe(true);
    expect(validate(AuditEvent, { ...event, action: 'purge' }).ok).toBe(false);

    const user = {
      id: uuid,
      email: 'coordinator@example.org',
      name: 'Ana Pérez',
      role: 'coordinator',
      countries: ['GT', 'HN'],
      createdAt: at,
      disabledAt: null,
    };
    expect(validate(User, user).ok).toBe(true);
    expect(validate(User, { ...user, email: 'Ana@Example.org' }).ok).toBe(false);
    expect(validate(User, { ...user, role: 'service' }).ok).toBe(false);
    expect(validate(User, { ...user, passwordHash: 'x' }).ok).toBe(false);
    expect(
      validate(UserInput, {
        email: user.email,
        name: user.name,
        role: 'analyst',
        password: 'short',
      }).ok,
    ).toBe(false);

    const key = {
      id: uuid,
      name: 'QGIS desktop',
      prefix: 'atl_3f9a',
      role: 'service',
      countries: null,
      createdAt: at,
      createdBy: uuid,
      lastUsedAt: null,
      revokedAt: null,
    };
    expect(validate(ApiKey, key).ok).toBe(true);
    expect(validate(ApiKey, { ...key, hash: 'x' }).ok).toBe(false);
  });
});

describe('namedSchemas', () => {
  it('have unique $ids', () => {
    const ids = namedSchemas.map((schema): unknown => (schema as { $id?: unknown }).$id);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
