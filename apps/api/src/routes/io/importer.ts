// The import pipeline, shared by the API and the CLI. Rows are read, converted and checked in
// batches inside ONE transaction: a record whose external id (per source) is known is updated
// (or left alone when nothing changed), others are created; each change goes through the REST
// API's record store (same checks, scope and audit). A preview runs the same pipeline and rolls
// back; a commit rolls back too when any row has a problem. Memory stays bounded: one batch of
// rows at a time, and at most MAX_LISTED problems kept (all of them counted).
import type { Database } from '@atlas/db';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Principal } from '../../auth/principal';
import { COLLECTION_SPECS, type Collection } from './fields';
import { insertIncidents, newIncidentProblems } from '../incidents/bulk';
import type { IatiSiteDraft } from './iati-locations';
import type { ColumnMapping, ConvertedRow, RowProblem } from './mapping';
import { fieldOf, joined, storeFor, validators, type AnyStore } from './stores';
import { sameContent } from './compare';
import { recordImport } from './import-record';
import type { IncidentInput } from '@atlas/domain';

export const BATCH_SIZE = 500;
export const MAX_LISTED = 1000;
/** What a created record gets when the file has no column for it (lists start empty). */
const CREATE_DEFAULTS: Record<Collection, object> = {
  programs: { partners: [], funding: [], indicators: [] },
  sites: {},
  corridors: {},
  communities: {},
  incidents: {},
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportRequest {
  collection: Collection;
  source: string;
  format: string;
  principal: Principal;
  mapping: ColumnMapping;
  commit: boolean;
  onProgress?: (progress: { rows: number }) => void;
}

export interface ImportReport {
  collection: Collection;
  source: string;
  format: string;
  committed: boolean;
  batchId: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  /** Rows refused by the country scope (the import then answers 403). */
  deniedCount: number;
  problems: RowProblem[];
  mapping: ColumnMapping;
  /** IATI imports: the sites made from the activities' locations. */
  sites?: { created: number; updated: number; unchanged: number };
}

/** A converted row; an IATI activity also carries its locations, the program's sites. */
export type ConvertedSourceRow = ConvertedRow & { row: number; sites?: readonly IatiSiteDraft[] };

class RolledBack extends Error {}

/** An incident row to create (batched): its row, external id and uuid if the id is one. */
interface NewIncident {
  row: number;
  id: string | undefined;
  input: IncidentInput;
  externalId: string;
}

/** Runs an import; resolves with the report (committed or not), rejects on file or DB errors. */
export async function runImport(
  db: Kysely<Database>,
  rows: AsyncIterable<ConvertedSourceRow>,
  request: ImportRequest,
): Promise<ImportReport> {
  const report: ImportReport = {
    collection: request.collection,
    source: request.source,
    format: request.format,
    committed: false,
    batchId: null,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problemCount: 0,
    deniedCount: 0,
    problems: [],
    mapping: request.mapping,
  };
  const batchId = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      const run = new ImportRun(trx, request, report, batchId);
      let batch: ConvertedSourceRow[] = [];
      for await (const row of rows) {
        batch.push(row);
        if (batch.length >= BATCH_SIZE) {
          await run.batch(batch);
          batch = [];
        }
      }
      await run.batch(batch);
      if (report.problemCount > 0 || !request.commit) throw new RolledBack();
      await recordImport(trx, request, report, batchId);
    });
    report.committed = true;
    report.batchId = batchId;
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return report;
}

class ImportRun {
  private readonly store: AnyStore;
  private readonly entityType;
  private readonly programRefs = new Map<string, string | null>();

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly request: ImportRequest,
    private readonly report: ImportReport,
    private readonly batchId: string,
  ) {
    this.store = storeFor(request.collection, joined(trx));
    this.entityType = COLLECTION_SPECS[request.collection].entityType;
  }

  private problem(problem: RowProblem): void {
    this.report.problemCount += 1;
    if (this.report.problems.length < MAX_LISTED) this.report.problems.push(problem);
  }

  async batch(rows: readonly ConvertedSourceRow[]): Promise<void> {
    if (rows.length === 0) return;
    this.report.rows += rows.length;
    const targets = await this.knownTargets(rows);
    const newIncidents: NewIncident[] = [];
    const seen = new Map<string, number>();
    const mapped: { externalId: string; entityId: string }[] = [];
    for (const row of rows) {
      for (const problem of row.problems) this.problem(problem);
      if (row.externalId === undefined) continue;
      const earlier = seen.get(row.externalId);
      const target = targets.get(row.externalId);
      if (earlier !== undefined || target?.batchId === this.batchId) {
        this.problem({
          row: row.row,
          field: 'externalId',
          message: `duplicate id "${row.externalId}": an earlier row${earlier ? ` (${earlier})` : ''} has it`,
        });
        continue;
      }
      seen.set(row.externalId, row.row);
      if (row.problems.length > 0) continue;
      const value = await this.resolveReferences(row);
      if (!value) continue;
      const entityId = target?.entityId;
      if (entityId !== undefined) {
        const id = await this.update(row.row, entityId, value);
        if (id) mapped.push({ externalId: row.externalId, entityId: id });
        if (id) await this.importSites(row, id);
        continue;
      }
      const input = this.checked(row.row, {
        ...CREATE_DEFAULTS[this.request.collection],
        ...value,
      });
      if (!input) continue;
      const newId = UUID.test(row.externalId) ? row.externalId : undefined;
      if (this.request.collection === 'incidents') {
        newIncidents.push({
          row: row.row,
          id: newId,
          input: input as IncidentInput,
          externalId: row.externalId,
        });
        continue;
      }
      const id = await this.create(row.row, newId, input);
      if (id) mapped.push({ externalId: row.externalId, entityId: id });
      if (id) await this.importSites(row, id);
    }
    mapped.push(...(await this.createIncidents(newIncidents)));
    await this.remember(mapped);
    this.request.onProgress?.({ rows: this.report.rows });
  }

  /**
   * An IATI activity's locations become its program's sites: a nested run over the sites, in
   * the same transaction and batch (so a location id used twice in the file is a duplicate);
   * its problems are named `location/<n>/<field>` on the activity's row.
   */
  private async importSites(row: ConvertedSourceRow, programId: string): Promise<void> {
    if (!row.sites) return;
    const report = { ...this.report, rows: 0, created: 0, updated: 0, unchanged: 0 };
    Object.assign(report, { problemCount: 0, deniedCount: 0, problems: [] });
    const request = { ...this.request, collection: 'sites' as const, onProgress: undefined };
    const run = new ImportRun(this.trx, request, report, this.batchId);
    await run.batch(
      row.sites.map((site) => ({
        row: site.index,
        externalId: site.externalId,
        value: { ...site.value, program: programId },
        problems: [],
      })),
    );
    for (const problem of report.problems) {
      this.problem({ ...problem, row: row.row, field: `location/${problem.row}/${problem.field}` });
    }
    this.report.problemCount += report.problemCount - report.problems.length;
    this.report.deniedCount += report.deniedCount;
    const counts = (this.report.sites ??= { created: 0, updated: 0, unchanged: 0 });
    counts.created += report.created;
    counts.updated += report.updated;
    counts.unchanged += report.unchanged;
  }

  /** Known external ids of the batch (and uuids that are already record ids). */
  private async knownTargets(rows: readonly ConvertedSourceRow[]) {
    const ids = [...new Set(rows.flatMap((row) => (row.externalId ? [row.externalId] : [])))];
    const targets = new Map<string, { entityId: string; batchId: string | null }>();
    if (ids.length === 0) return targets;
    const known = await this.trx
      .selectFrom('importExternalIds')
      .select(['externalId', 'entityId', 'batchId'])
      .where('source', '=', this.request.source)
      .where('entityType', '=', this.entityType)
      .where('externalId', 'in', ids)
      .execute();
    for (const row of known) targets.set(row.externalId, row);
    const uuids = ids.filter((id) => UUID.test(id) && !targets.has(id));
    if (uuids.length > 0) {
      const records = await this.trx
        .selectFrom(this.request.collection)
        .select('id')
        .where('id', 'in', uuids)
        .execute();
      for (const record of records) targets.set(record.id, { entityId: record.id, batchId: null });
    }
    return targets;
  }

  /** Sites name their program by id, code or external id; others need nothing. */
  private async resolveReferences(row: ConvertedSourceRow) {
    if (this.request.collection !== 'sites') return row.value;
    const { program, ...rest } = row.value;
    if (program === undefined) return { ...rest };
    const ref = typeof program === 'string' ? program : JSON.stringify(program);
    if (!this.programRefs.has(ref)) this.programRefs.set(ref, await this.programId(ref));
    const programId = this.programRefs.get(ref);
    if (!programId) {
      this.problem({ row: row.row, field: 'program', message: `no program "${ref}"` });
      return undefined;
    }
    return { ...rest, programId };
  }

  private async programId(ref: string): Promise<string | null> {
    const byCode = await this.trx
      .selectFrom('programs')
      .select('id')
      .where((eb) => eb.or([eb('code', '=', ref), ...(UUID.test(ref) ? [eb('id', '=', ref)] : [])]))
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (byCode) return byCode.id;
    const byExternal = await this.trx
      .selectFrom('importExternalIds')
      .select('entityId')
      .where('source', '=', this.request.source)
      .where('entityType', '=', 'program')
      .where('externalId', '=', ref)
      .executeTakeFirst();
    return byExternal?.entityId ?? null;
  }

  /** Schema and rules (as the REST API checks them); problems are reported for the row. */
  private checked(row: number, value: object): object | undefined {
    const result = validators[this.request.collection](value);
    if (result.ok) return result.value;
    for (const problem of result.errors) {
      this.problem({ row, field: fieldOf(problem), message: problem.message });
    }
    return undefined;
  }

  private async create(row: number, id: string | undefined, input: object) {
    try {
      const created = await this.store.create(this.request.principal, { ...input, id });
      this.report.created += 1;
      return created.id;
    } catch (error) {
      this.rowError(row, error);
      return undefined;
    }
  }

  /**
   * A known record takes the row's fields over its own (columns the file lacks stay as they
   * are); when that changes nothing it is counted unchanged and not written.
   */
  private async update(row: number, entityId: string, value: object) {
    try {
      const current = await this.store.find(entityId);
      if (!current || current.deletedAt !== null) {
        this.problem({
          row,
          field: 'externalId',
          message: 'the record imported with this id was deleted; restore it first',
        });
        return undefined;
      }
      const before = this.store.contentOf(current);
      const merged = this.checked(row, { ...before, ...value });
      if (!merged) return undefined;
      if (sameContent(before, merged)) {
        // Nothing to write, yet the row claims the record for its source: scope as an update.
        await this.store.assertMayChange(this.request.principal, current);
        this.report.unchanged += 1;
        return entityId;
      }
      const ifMatch = { any: false as const, versions: [current.version] };
      await this.store.update(this.request.principal, entityId, ifMatch, value);
      this.report.updated += 1;
      return entityId;
    } catch (error) {
      this.rowError(row, error);
      return undefined;
    }
  }

  private rowError(row: number, error: unknown): void {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === undefined || status >= 500) throw error;
    const validation = (error as { validation?: { instancePath: string; message: string }[] })
      .validation;
    if (validation) {
      for (const item of validation) {
        this.problem({
          row,
          field: fieldOf({ path: item.instancePath, message: '' }),
          message: item.message,
        });
      }
      return;
    }
    if (status === 403) this.report.deniedCount += 1;
    this.problem({
      row,
      field: status === 403 ? 'scope' : 'record',
      message: (error as Error).message,
    });
  }

  /**
   * New incidents of the batch: checked and inserted together by the code of
   * POST /api/v1/incidents/bulk (one INSERT and one audit INSERT per 500).
   */
  private async createIncidents(items: readonly NewIncident[]) {
    if (items.length === 0) return [];
    const inputs = items.map((item) => (item.id ? { ...item.input, id: item.id } : item.input));
    const problems = await newIncidentProblems(this.trx, this.request.principal, inputs);
    for (const { index, field, message } of problems) {
      if (field === 'country') this.report.deniedCount += 1;
      this.problem({ row: items[index]!.row, field, message });
    }
    if (this.report.problemCount > 0) return []; // rolled back anyway: skip the writes
    const ids = await insertIncidents(this.trx, this.request.principal, inputs);
    this.report.created += ids.length;
    return ids.map((entityId, index) => ({ externalId: items[index]!.externalId, entityId }));
  }

  /** Records which record each external id became (marked with this batch: duplicates show). */
  private async remember(mapped: readonly { externalId: string; entityId: string }[]) {
    if (mapped.length === 0) return;
    await this.trx
      .insertInto('importExternalIds')
      .values(
        mapped.map((item) => ({
          source: this.request.source,
          entityType: this.entityType,
          externalId: item.externalId,
          entityId: item.entityId,
          batchId: this.batchId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['source', 'entityType', 'externalId']).doUpdateSet((eb) => ({
          entityId: eb.ref('excluded.entityId'),
          batchId: eb.ref('excluded.batchId'),
          updatedAt: new Date(),
        })),
      )
      .execute();
  }
}
