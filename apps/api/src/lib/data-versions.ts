// Data versions for conditional requests (If-None-Match → 304) under load. A 304 costs one small
// query (the version counters of migration 007); with many clients revalidating at once, that
// query is shared: a request joins a read that starts after it arrived, never one already in
// flight, so it still sees every write committed before it (a client that has just saved sees
// its change). When no read is in flight, a request starts one at once (no added latency).
import { formatDataVersion, type Database, type DataLayer, type DataVersionRow } from '@atlas/db';
import { sql, type Kysely } from 'kysely';

type Versions = readonly DataVersionRow[];

class VersionReader {
  private inFlight: Promise<Versions> | undefined;
  private next: Promise<Versions> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  read(): Promise<Versions> {
    // A read already queued has not started yet: it will see everything committed until now.
    if (this.next) return this.next;
    if (!this.inFlight) return this.start();
    // The read in flight may have started before this request arrived: wait for the next one.
    const previous = this.inFlight;
    this.next = previous
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<Versions> {
    const reading = sql<DataVersionRow>`
      SELECT layer, epoch::text AS epoch, version FROM data_versions ORDER BY layer
    `
      .execute(this.db)
      .then((result) => result.rows);
    this.inFlight = reading;
    const clear = () => {
      if (this.inFlight === reading) this.inFlight = undefined;
    };
    reading.then(clear, clear);
    return reading;
  }
}

const readers = new WeakMap<Kysely<Database>, VersionReader>();

/**
 * The data version of `layers`, in the format of `dataVersion` from @atlas/db
 * (`<epoch>-<layer versions…>`, equal for equal data), read after this call was made.
 */
export async function currentDataVersion(
  db: Kysely<Database>,
  layers: readonly DataLayer[],
): Promise<string> {
  if (layers.length === 0) throw new Error('a data version needs at least one layer');
  let reader = readers.get(db);
  if (!reader) {
    reader = new VersionReader(db);
    readers.set(db, reader);
  }
  return formatDataVersion(await reader.read(), layers);
}
