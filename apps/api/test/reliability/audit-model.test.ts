// Model-based test (fast-check commands): random sequences of create, update (with a current or
// a stale ETag), delete, restore and restore-version on programs. After every step the API must
// agree with a simple model; after every sequence the audit log, replayed event by event, must
// give exactly the records in the tables (each event's `before` is the previous `after`, versions
// go up by one, the last `after` equals the stored record).
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { findProgram } from '../../src/routes/programs/repository';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { auditRows, programInput, send } from '../support/records';

/** Sequences per engine; RELIABILITY_LONG=1 for a long search. */
const RUNS = process.env.RELIABILITY_LONG ? 200 : 12;
const MAX_COMMANDS = process.env.RELIABILITY_LONG ? 40 : 15;

interface ModelRecord {
  id: string;
  version: number;
  deleted: boolean;
  /** Title at each version (index = version), for restore-version. */
  titles: string[];
}
interface Model {
  records: ModelRecord[];
}
interface Real {
  app: AtlasApp;
  headers: Record<string, string>;
}
type AtlasCommand = fc.AsyncCommand<Model, Real>;

const pick = (model: Model, index: number) =>
  model.records.length === 0 ? undefined : model.records[index % model.records.length];

class Create implements AtlasCommand {
  constructor(readonly title: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const response = await send(real.app, 'POST', '/api/v1/programs', {
      headers: real.headers,
      body: programInput({ title: this.title }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json<{ id: string }>();
    model.records.push({ id, version: 1, deleted: false, titles: ['', this.title] });
  }
  toString = () => `create(${JSON.stringify(this.title)})`;
}

class Update implements AtlasCommand {
  constructor(
    readonly index: number,
    readonly title: string,
    readonly stale: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.records.length > 0;
  async run(model: Model, real: Real) {
    const record = pick(model, this.index)!;
    const response = await send(real.app, 'PATCH', `/api/v1/programs/${record.id}`, {
      headers: real.headers,
      body: { title: this.title },
      ifMatch: `"${this.stale ? record.version + 7 : record.version}"`,
    });
    if (record.deleted) {
      expect(response.statusCode, response.body).toBe(404);
      return;
    }
    if (this.stale) {
      expect(response.statusCode, response.body).toBe(412);
      return;
    }
    expect(response.statusCode, response.body).toBe(200);
    record.version += 1;
    record.titles[record.version] = this.title;
  }
  toString = () => `update(${this.index}, ${JSON.stringify(this.title)}, stale=${this.stale})`;
}

class Delete implements AtlasCommand {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.records.length > 0;
  async run(model: Model, real: Real) {
    const record = pick(model, this.index)!;
    const response = await send(real.app, 'DELETE', `/api/v1/programs/${record.id}`, {
      headers: real.headers,
      ifMatch: `"${record.version}"`,
    });
    if (record.deleted) {
      expect(response.statusCode, response.body).toBe(404);
      return;
    }
    expect(response.statusCode, response.body).toBe(200);
    record.version += 1;
    record.deleted = true;
    record.titles[record.version] = record.titles[record.version - 1]!;
  }
  toString = () => `delete(${this.index})`;
}

class Restore implements AtlasCommand {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.records.length > 0;
  async run(model: Model, real: Real) {
    const record = pick(model, this.index)!;
    const response = await send(real.app, 'POST', `/api/v1/programs/${record.id}/restore`, {
      headers: real.headers,
      ifMatch: `"${record.version}"`,
    });
    if (!record.deleted) {
      expect(response.statusCode, response.body).toBe(409);
      return;
    }
    expect(response.statusCode, response.body).toBe(200);
    record.version += 1;
    record.deleted = false;
    record.titles[record.version] = record.titles[record.version - 1]!;
  }
  toString = () => `restore(${this.index})`;
}

class RestoreVersion implements AtlasCommand {
  constructor(
    readonly index: number,
    readonly back: number,
  ) {}
  check = (model: Readonly<Model>) => model.records.length > 0;
  async run(model: Model, real: Real) {
    const record = pick(model, this.index)!;
    const version = Math.max(1, record.version - this.back);
    const response = await send(
      real.app,
      'POST',
      `/api/v1/programs/${record.id}/history/${version}/restore`,
      { headers: real.headers, ifMatch: `"${record.version}"` },
    );
    if (record.deleted) {
      expect(response.statusCode, response.body).toBe(404);
      return;
    }
    expect(response.statusCode, response.body).toBe(200);
    record.version += 1;
    record.titles[record.version] = record.titles[version]!;
  }
  toString = () => `restoreVersion(${this.index}, -${this.back})`;
}

// Titles the domain accepts: no leading or trailing whitespace, at least 3 characters.
const title = fc
  .string({ minLength: 3, maxLength: 40 })
  .filter((text) => text.trim() === text && text.length >= 3);
const index = fc.nat(20);
const commands = fc.commands(
  [
    title.map((text) => new Create(text)),
    fc.tuple(index, title, fc.boolean()).map(([i, text, stale]) => new Update(i, text, stale)),
    index.map((i) => new Delete(i)),
    index.map((i) => new Restore(i)),
    fc.tuple(index, fc.nat(3)).map(([i, back]) => new RestoreVersion(i, back)),
  ],
  { maxCommands: MAX_COMMANDS },
);

/** A stored record as JSON (dates as ISO strings), as the audit log keeps it. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe.each(testEngines())('audit log replay (model-based) on %s', (engine) => {
  let database: AtlasDatabase;
  let real: Real;

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    const app = await buildTestApp(database);
    real = { app, headers: await createPrincipalHeaders(app, database, { role: 'admin' }) };
  });

  afterAll(async () => {
    await real.app.close();
    await database.close();
  });

  async function expectReplayMatches(model: Model): Promise<void> {
    for (const record of model.records) {
      const events = await auditRows(database, 'program', record.id);
      let replayed: unknown = null;
      events.forEach((event, position) => {
        expect(event.version, `${record.id} event ${position}`).toBe(position + 1);
        expect(event.before, `${record.id} v${event.version} before`).toEqual(replayed);
        replayed = event.after;
      });
      const stored = await findProgram(database.db, record.id);
      expect(replayed, `replay of ${record.id}`).toEqual(asJson(stored));
      expect(stored?.version).toBe(record.version);
      expect(stored?.deletedAt !== null).toBe(record.deleted);
      expect(stored?.title).toBe(record.titles[record.version]);
    }
  }

  it(`agrees with the model and replays its audit log (${RUNS} sequences)`, async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(commands, async (sequence) => {
        const model: Model = { records: [] };
        await fc.asyncModelRun(() => ({ model, real }), sequence);
        steps += [...sequence].length;
        await expectReplayMatches(model);
      }),
      { numRuns: RUNS },
    );
    expect(steps).toBeGreaterThan(RUNS);
  });
});
