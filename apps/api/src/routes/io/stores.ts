// The REST API's record stores, run inside the import's one transaction, so an imported record
// gets exactly the checks (schema, rules, geometry, country scope before and after) and audit
// events of a POST or PATCH. A store opens its own transaction per change; given `joined(trx)`
// it runs that change inside the import's transaction instead (nothing commits until the end).
import type { Database } from '@atlas/db';
import {
  validateCommunityInput,
  validateCorridorInput,
  validateIncidentInput,
  validateProgramInput,
  validateSiteInput,
  type Problem,
  type ValidationResult,
} from '@atlas/domain';
import type { Kysely, Transaction } from 'kysely';
import type { RecordStore, StoredRecord } from '../../registry';
import { createCommunityStore } from '../communities/records';
import { createCorridorStore } from '../corridors/records';
import { createIncidentStore } from '../incidents/records';
import { createProgramStore } from '../programs/records';
import { createSiteStore } from '../sites/records';
import type { Collection } from './fields';

/** `trx` whose `transaction().execute(fn)` runs `fn` in `trx` itself (no nested transaction). */
export function joined(trx: Transaction<Database>): Kysely<Database> {
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({
          execute: <T>(fn: (inner: Transaction<Database>) => Promise<T>) => fn(trx),
        });
      }
      // Kysely keeps its state in private fields: call its methods on the real instance.
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

export type AnyStore = RecordStore<object, StoredRecord>;

export function storeFor(collection: Collection, db: Kysely<Database>): AnyStore {
  const stores = {
    programs: createProgramStore,
    sites: createSiteStore,
    corridors: createCorridorStore,
    communities: createCommunityStore,
    incidents: createIncidentStore,
  } as const;
  const store: unknown = stores[collection](db);
  return store as AnyStore;
}

/** The same schema-and-rules check the REST API runs on a create. */
export const validators: Record<Collection, (value: unknown) => ValidationResult<object>> = {
  programs: validateProgramInput,
  sites: validateSiteInput,
  corridors: validateCorridorInput,
  communities: validateCommunityInput,
  incidents: validateIncidentInput,
};

/** `/countries/1` → `countries`: the field a problem is about. */
export function fieldOf(problem: Problem): string {
  return problem.path.split('/').filter(Boolean)[0] ?? 'record';
}
