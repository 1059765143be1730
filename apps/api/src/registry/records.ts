// The generic record store: create / replace / update / delete / restore / history /
// restore-version for one table, following docs/api-conventions.md ("Records"):
// - every change is one transaction: the conditional UPDATE
//   (`WHERE id = $1 AND version = $2 AND deleted_at IS NULL`), child rows, the country-scope
//   checks on the stored record before and after (so values derived by triggers count), and the
//   audit event. Any failure rolls all of it back.
// - inside a transaction only `trx` is used (the embedded database has a single connection).
import type { AuditAction, Database, EntityType } from '@atlas/db';
import type { Problem, ValidationResult } from '@atlas/domain';
import type { Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Principal } from '../auth/principal';
import { assertCanWrite } from '../auth/scope';
import { readHistory, snapshotAt, writeAudit, type HistoryEntry } from './audit';
import { assertVersionMatches, staleVersion, type IfMatch } from './etag';
import { BadInputError, HttpError, notFound } from './errors';
import { geometryProblems } from './geometry';

export type RecordTable = 'programs' | 'sites' | 'corridors' | 'communities' | 'incidents';

/** What every stored record answers with. */
export interface StoredRecord {
  id: string;
  version: number;
  deletedAt: string | null;
}

export interface RecordDefinition<Input, Output extends StoredRecord> {
  table: RecordTable;
  entityType: EntityType;
  /** 'program', 'site'… (in messages). */
  noun: string;
  /** The record, deleted or not; undefined when there is none. */
  find(db: Kysely<Database>, id: string): Promise<Output | undefined>;
  /** Schema and rule check of a whole input (create, replace, merged patch, restored version). */
  validate(value: unknown): ValidationResult<Input>;
  /** The table's column values for an input (geometry as SQL). */
  values(input: Input): Record<string, unknown>;
  /** Replaces rows of child tables (e.g. a program's funding) after the record was written. */
  writeChildren?(trx: Kysely<Database>, id: string, input: Input): Promise<void>;
  /** The input's geometry, checked with ST_IsValid before writing. */
  geometryOf?(input: Input): Geometry | undefined;
  /** Further checks that need the database (e.g. the site's program exists); [] when fine. */
  checkInput?(db: Kysely<Database>, input: Input): Promise<Problem[]>;
  /** The countries deciding who may change a stored record (read in the transaction). */
  countriesOf(db: Kysely<Database>, record: Output): Promise<readonly (string | null)[]>;
  /** Fields of a record that are not input (derived); dropped before merging or restoring. */
  derivedFields?: readonly string[];
}

const META_FIELDS = ['id', 'version', 'createdAt', 'updatedAt', 'deletedAt'];

export function createRecordStore<Input, Output extends StoredRecord>(
  db: Kysely<Database>,
  def: RecordDefinition<Input, Output>,
) {
  const dropped = new Set([...META_FIELDS, ...(def.derivedFields ?? [])]);

  /** The writable content of a record or snapshot: no id, metadata or derived fields. */
  function contentOf(record: object): Record<string, unknown> {
    return Object.fromEntries(Object.entries(record).filter(([key]) => !dropped.has(key)));
  }

  function checked(value: unknown): Input {
    const result = def.validate(value);
    if (!result.ok) throw new BadInputError(result.errors);
    return result.value;
  }

  /** Geometry and database checks of an input, inside the change's transaction. */
  async function checkStorable(trx: Kysely<Database>, input: Input): Promise<void> {
    const geometry = def.geometryOf?.(input);
    const problems = geometry ? await geometryProblems(trx, geometry) : [];
    problems.push(...((await def.checkInput?.(trx, input)) ?? []));
    if (problems.length > 0) throw new BadInputError(problems);
  }

  async function assertScope(trx: Kysely<Database>, principal: Principal, record: Output) {
    assertCanWrite(principal, await def.countriesOf(trx, record));
  }

  async function reread(trx: Kysely<Database>, id: string): Promise<Output> {
    const record = await def.find(trx, id);
    if (!record) throw notFound(def.noun);
    return record;
  }

  /** The record in the wanted state at the version If-Match names: else 404 / 409 / 412. */
  async function current(
    trx: Kysely<Database>,
    id: string,
    ifMatch: IfMatch,
    state: 'live' | 'deleted',
  ): Promise<Output> {
    const record = await def.find(trx, id);
    if (!record) throw notFound(def.noun);
    if (state === 'live' && record.deletedAt !== null) throw notFound(def.noun);
    if (state === 'deleted' && record.deletedAt === null) {
      throw new HttpError(409, `the ${def.noun} is not deleted`);
    }
    assertVersionMatches(ifMatch, record.version);
    return record;
  }

  /** The conditional UPDATE: no row means another writer changed the record first. */
  async function bump(
    trx: Kysely<Database>,
    record: Output,
    changes: Record<string, unknown>,
    state: 'live' | 'deleted',
  ): Promise<void> {
    const updated = await trx
      .updateTable(def.table)
      .set({ ...changes, version: sql<number>`version + 1` } as never)
      .where('id', '=', record.id)
      .where('version', '=', record.version)
      .where('deletedAt', state === 'live' ? 'is' : 'is not', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion(record.version + 1);
  }

  /** Replace the content of a live record (PUT, PATCH, restore-version). */
  async function write(
    principal: Principal,
    id: string,
    ifMatch: IfMatch,
    contentFor: (record: Output, trx: Kysely<Database>) => Promise<Input> | Input,
    action: AuditAction,
  ): Promise<Output> {
    return db.transaction().execute(async (trx) => {
      const before = await current(trx, id, ifMatch, 'live');
      await assertScope(trx, principal, before);
      const input = await contentFor(before, trx);
      await checkStorable(trx, input);
      await bump(trx, before, def.values(input), 'live');
      await def.writeChildren?.(trx, id, input);
      const after = await reread(trx, id);
      await assertScope(trx, principal, after);
      await writeAudit(trx, { principal, action, ...audited(before, after) });
      return after;
    });
  }

  function audited(before: Output | null, after: Output) {
    return {
      entityType: def.entityType,
      entityId: after.id,
      version: after.version,
      before,
      after,
    };
  }

  return {
    contentOf,

    find: (id: string) => def.find(db, id),

    /** 403 unless the principal may change the stored record (e.g. an import claiming it). */
    assertMayChange: (principal: Principal, record: Output) => assertScope(db, principal, record),

    async create(principal: Principal, body: unknown): Promise<Output> {
      const input = checked(body);
      return db.transaction().execute(async (trx) => {
        await checkStorable(trx, input);
        const givenId = (input as { id?: string }).id;
        if (givenId !== undefined && (await def.find(trx, givenId))) {
          throw new HttpError(409, `a ${def.noun} with id ${givenId} already exists`);
        }
        const inserted = await trx
          .insertInto(def.table)
          .values({
            ...(givenId === undefined ? {} : { id: givenId }),
            ...def.values(input),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        await def.writeChildren?.(trx, inserted.id, input);
        const after = await reread(trx, inserted.id);
        await assertScope(trx, principal, after); // after triggers derived their values
        await writeAudit(trx, { principal, action: 'create', ...audited(null, after) });
        return after;
      });
    },

    replace(principal: Principal, id: string, ifMatch: IfMatch, body: unknown) {
      const input = checked(body);
      const givenId = (input as { id?: string }).id;
      if (givenId !== undefined && givenId !== id) {
        throw new BadInputError([{ path: '/id', message: 'must be the id in the URL' }]);
      }
      return write(principal, id, ifMatch, () => input, 'update');
    },

    update(principal: Principal, id: string, ifMatch: IfMatch, patch: object) {
      return write(
        principal,
        id,
        ifMatch,
        (record) => checked({ ...contentOf(record), ...patch }),
        'update',
      );
    },

    async remove(principal: Principal, id: string, ifMatch: IfMatch): Promise<Output> {
      return db.transaction().execute(async (trx) => {
        const before = await current(trx, id, ifMatch, 'live');
        await assertScope(trx, principal, before);
        await bump(trx, before, { deletedAt: sql`now()` }, 'live');
        const after = await reread(trx, id);
        await writeAudit(trx, { principal, action: 'delete', ...audited(before, after) });
        return after;
      });
    },

    async restore(principal: Principal, id: string, ifMatch: IfMatch): Promise<Output> {
      return db.transaction().execute(async (trx) => {
        const before = await current(trx, id, ifMatch, 'deleted');
        await assertScope(trx, principal, before);
        await bump(trx, before, { deletedAt: null }, 'deleted');
        const after = await reread(trx, id);
        await writeAudit(trx, { principal, action: 'restore', ...audited(before, after) });
        return after;
      });
    },

    async history(id: string): Promise<HistoryEntry[]> {
      if (!(await def.find(db, id))) throw notFound(def.noun);
      return readHistory(db, def.entityType, id);
    },

    /** Writes the content of `version` back as a new version (audited as a restore). */
    restoreVersion(principal: Principal, id: string, version: number, ifMatch: IfMatch) {
      return write(
        principal,
        id,
        ifMatch,
        async (_record, trx) => {
          const snapshot = await snapshotAt(trx, def.entityType, id, version);
          if (!snapshot) throw new HttpError(404, `the ${def.noun} has no version ${version}`);
          return checked(contentOf(snapshot));
        },
        'restore',
      );
    },
  };
}

export type RecordStore<Input, Output extends StoredRecord> = ReturnType<
  typeof createRecordStore<Input, Output>
>;
