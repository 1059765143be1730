// How communities map onto the shared record store (src/registry): columns, rules (a known
// department of the community's country) and the country scope (the community's `country`).
import { geomFromGeoJSON, type Database } from '@atlas/db';
import { validateCommunityInput, type CommunityInput } from '@atlas/domain';
import type { Kysely } from 'kysely';
import { createRecordStore } from '../../registry';
import { communityProblems } from './checks';
import { communityRecord, selectCommunity } from './repository';
import type { CommunityOutput } from './schemas';

export function createCommunityStore(db: Kysely<Database>) {
  return createRecordStore<CommunityInput, CommunityOutput>(db, {
    table: 'communities',
    entityType: 'community',
    noun: 'community',
    async find(on, id) {
      const row = await selectCommunity(on).where('communities.id', '=', id).executeTakeFirst();
      return row && communityRecord(row);
    },
    validate: validateCommunityInput,
    values: (input) => ({
      name: input.name,
      country: input.country,
      department: input.department ?? null,
      geom: geomFromGeoJSON(input.geometry),
      population: input.population,
      homicideRate: input.homicideRate,
      year: input.year,
      source: input.source,
      illustrative: input.illustrative ?? false,
    }),
    geometryOf: (input) => input.geometry,
    checkInput: communityProblems,
    countriesOf: (_on, community) => Promise.resolve([community.country]),
  });
}
