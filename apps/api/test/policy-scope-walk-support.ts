// Shared by the scope walks (policy-scope-walk*.test.ts: REST routes, OGC API Features Part 4,
// import commits): valid Guatemalan content per collection, and a footprint of what is stored.
import { openTestDatabase, type AtlasDatabase, type TestEngine } from '@atlas/db/testing';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { POINT_IN, programInput, send, siteInput } from './support/records';

export const COLLECTIONS = ['programs', 'sites', 'corridors', 'communities', 'incidents'] as const;
export type ScopedCollection = (typeof COLLECTIONS)[number];

type Headers = Record<string, string>;

export interface ScopeWalk {
  adb: AtlasDatabase;
  app: AtlasApp;
  admin: Headers;
  /** A coordinator session limited to Guatemala and Honduras. */
  inScope: Headers;
  /** A coordinator session and a coordinator-role service key, both limited to Belize. */
  outOfScope: [string, Headers][];
  /** A Guatemalan program (sites need one). */
  programId: string;
}

/** The seeded app and the principals of a scope walk. */
export async function openScopeWalk(engine: TestEngine): Promise<ScopeWalk> {
  const adb = await openTestDatabase(engine, { seed: true });
  const app = await buildTestApp(adb);
  const admin = await createPrincipalHeaders(app, adb, { role: 'admin', via: 'session' });
  const inScope = await createPrincipalHeaders(app, adb, {
    role: 'coordinator',
    countries: ['GT', 'HN'],
    via: 'session',
  });
  const outOfScope: [string, Headers][] = [
    [
      'coordinator',
      await createPrincipalHeaders(app, adb, {
        role: 'coordinator',
        countries: ['BZ'],
        via: 'session',
      }),
    ],
    ['key', await createPrincipalHeaders(app, adb, { role: 'coordinator', countries: ['BZ'] })],
  ];
  const program = await send(app, 'POST', '/api/v1/programs', {
    headers: admin,
    body: programInput({ countries: ['GT'] }),
  });
  expect(program.statusCode, program.body).toBe(201);
  const programId = program.json<{ id: string }>().id;
  return { adb, app, admin, inScope, outOfScope, programId };
}

/** Valid Guatemalan content for each collection (a site needs its program's id). */
export function guatemalan(collection: string, programId: string): Record<string, unknown> {
  switch (collection) {
    case 'programs':
      return { ...programInput({ countries: ['GT'] }) };
    case 'sites':
      return { ...siteInput(programId, { geometry: POINT_IN.GT }) };
    case 'corridors':
      return {
        name: 'Scope walk corridor',
        mode: 'land',
        threats: ['narcotics'],
        confidence: 'medium',
        source: 'test',
        validFrom: '2010-01-01',
        geometry: {
          type: 'LineString',
          coordinates: [
            [-90.6, 14.6],
            [-90.4, 14.7],
          ],
        },
      };
    case 'communities':
      return {
        name: 'Scope walk community',
        country: 'GT',
        department: 'GT-GU',
        geometry: POINT_IN.GT,
        population: 1000,
        homicideRate: 10,
        year: 2012,
        source: 'test',
      };
    case 'incidents':
      return {
        kind: 'seizure',
        occurredOn: '2012-05-01',
        geometry: POINT_IN.GT,
        country: 'GT',
        threat: 'narcotics',
        quantity: 1,
        unit: 'kg',
        source: 'test',
      };
    default:
      throw new Error(`no Guatemalan content for ${collection}`);
  }
}

/**
 * A summary of every table a change may touch: records (rows, versions, deletions), audit events
 * and the import bookkeeping. Equal before and after a refused request = nothing was written.
 */
export async function footprint(adb: AtlasDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of COLLECTIONS) {
    const { rows } = await sql<{ f: string }>`SELECT count(*) || '/' || coalesce(sum(version), 0)
      || '/' || count(deleted_at) AS f FROM ${sql.table(table)}`.execute(adb.db);
    parts.push(`${table} ${rows[0]?.f}`);
  }
  for (const table of ['audit_events', 'import_batches', 'import_external_ids', 'import_sources']) {
    const stamp =
      table === 'audit_events' || table === 'import_batches' ? 'count(*)' : 'max(updated_at)';
    const { rows } = await sql<{
      f: string;
    }>`SELECT count(*) || '/' || coalesce(${sql.raw(stamp)}::text, '')
      AS f FROM ${sql.table(table)}`.execute(adb.db);
    parts.push(`${table} ${rows[0]?.f}`);
  }
  return parts.join(', ');
}
