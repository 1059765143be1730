// How corridors map onto the shared record store (src/registry): columns, rules, and the
// country scope: the countries the stored line crosses, computed by PostGIS before and after.
import { geomFromGeoJSON, type Database } from '@atlas/db';
import { validateCorridorInput, type CorridorInput } from '@atlas/domain';
import type { Kysely } from 'kysely';
import { createRecordStore } from '../../registry';
import { countriesCrossedByCorridor } from './layer-geometry';
import { corridorRecord, selectCorridor } from './repository';
import type { CorridorOutput } from './schemas';

export function createCorridorStore(db: Kysely<Database>) {
  return createRecordStore<CorridorInput, CorridorOutput>(db, {
    table: 'corridors',
    entityType: 'corridor',
    noun: 'corridor',
    async find(on, id) {
      const row = await selectCorridor(on).where('corridors.id', '=', id).executeTakeFirst();
      return row && corridorRecord(row);
    },
    validate: validateCorridorInput,
    values: (input) => ({
      name: input.name,
      mode: input.mode,
      threats: input.threats,
      confidence: input.confidence,
      source: input.source,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      geom: geomFromGeoJSON(input.geometry),
      description: input.description ?? null,
      illustrative: input.illustrative ?? false,
    }),
    geometryOf: (input) => input.geometry,
    countriesOf: (on, corridor) => countriesCrossedByCorridor(on, corridor.id),
  });
}
