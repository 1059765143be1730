// Data versions for conditional requests (If-None-Match → 304) under load. A 304 costs one small
// query (the version counters of migration 007); with many clients revalidating at once, that
// query is shared: a request joins a read that starts after it arrived, never one already in
// flight, so it still sees every write committed before it (a client that has just saved sees
// its change). When no read is in flight, a request starts one at once (no added latency).
import { DATA_LAYERS, type Database, type DataLayer } from '@atlas/db';
import { sql, type Kysely } from 'kysely';

interface LayerVersion {
  epoch: string;
  version: number;
}
type Versions = ReadonlyMap<string, LayerVersion>;

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
    const reading = sql<{ layer: string; epoch: string; version: number }>`
      SELECT layer, epoch::text AS epoch, version FROM data_versions
    `
      .execute(this.db)
      .then((result) => new Map(result.rows.map((row) => [row.layer, row])));
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
  const versions = await reader.read();
  const parts = layers.map((layer) => {
    const row = versions.get(layer);
    if (!row) throw new Error(`no data version for layer ${layer}: is migration 007 applied?`);
    return row.version;
  });
  // dataVersion takes the epoch of its first row; every layer shares one epoch (migration 007).
  const epoch = versions.get(DATA_LAYERS[0])?.epoch.replaceAll('-', '').slice(0, 8) ?? '';
  return `${epoch}-${parts.join('.')}`;
}
