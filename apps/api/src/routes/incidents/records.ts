// How incidents map onto the shared record store (src/registry): columns, the 2-D point, and
// the country scope (the incident's `country`). Bulk creation is in ./bulk.ts.
import { geomFromGeoJSON, type Database } from '@atlas/db';
import { validateIncidentInput, type IncidentInput } from '@atlas/domain';
import { sql, type Kysely } from 'kysely';
import { createRecordStore } from '../../registry';
import { altitudeProblems } from '../corridors/layer-geometry';
import { incidentRecord, selectIncident } from './repository';
import type { IncidentOutput } from './schemas';

/** Column values of an incident (shared with the bulk insert). */
export function incidentValues(input: IncidentInput) {
  return {
    kind: input.kind,
    occurredOn: input.occurredOn,
    geom: geomFromGeoJSON(input.geometry),
    country: input.country,
    // Not part of the API record; kept for the map like the sample data's departments.
    department: sql<string | null>`(SELECT d.code FROM departments d
      WHERE d.country = ${input.country}
        AND ST_Intersects(d.geom, ${geomFromGeoJSON(input.geometry)}) LIMIT 1)`,
    threat: input.threat ?? null,
    quantity: input.quantity ?? null,
    unit: input.unit ?? null,
    description: input.description ?? null,
    source: input.source,
    illustrative: input.illustrative ?? false,
  };
}

export function createIncidentStore(db: Kysely<Database>) {
  return createRecordStore<IncidentInput, IncidentOutput>(db, {
    table: 'incidents',
    entityType: 'incident',
    noun: 'incident',
    async find(on, id) {
      const row = await selectIncident(on).where('incidents.id', '=', id).executeTakeFirst();
      return row && incidentRecord(row);
    },
    validate: validateIncidentInput,
    values: incidentValues,
    geometryOf: (input) => input.geometry,
    // The column is geometry(Point, 4326): an altitude would be a database error, not a 400.
    checkInput: (_on, input) => Promise.resolve(altitudeProblems(input.geometry, '/geometry')),
    countriesOf: (_on, incident) => Promise.resolve([incident.country]),
  });
}
