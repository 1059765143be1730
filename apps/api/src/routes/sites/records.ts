// How sites plug into the record machinery. Country and department are derived by a database
// trigger on write, so the country scope is checked on the stored site (before the change and,
// inside the transaction, after it): the site's country and its program's countries.
import type { Database } from '@atlas/db';
import { validateSiteInput, type SiteInput } from '@atlas/domain';
import type { Kysely } from 'kysely';
import { createRecordStore } from '../../registry';
import { findSite, programOfSite, siteColumns } from './repository';
import type { SiteRecord } from './schemas';

export function createSiteStore(db: Kysely<Database>) {
  return createRecordStore<SiteInput, SiteRecord>(db, {
    table: 'sites',
    entityType: 'site',
    noun: 'site',
    find: findSite,
    validate: validateSiteInput,
    values: siteColumns,
    geometryOf: (input) => input.geometry,
    async checkInput(on, input) {
      const program = await programOfSite(on, input.programId);
      if (!program) return [{ path: '/programId', message: 'no such program' }];
      if (program.deletedAt !== null) {
        return [{ path: '/programId', message: 'the program is deleted' }];
      }
      return [];
    },
    async countriesOf(on, site) {
      const program = await programOfSite(on, site.programId);
      return [site.country, ...(program?.countries ?? [])];
    },
    derivedFields: ['country', 'department'],
  });
}
