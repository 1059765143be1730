// Embedded PostgreSQL: PGlite + PostGIS in a data folder (or in memory), served on a loopback
// socket so that pg and Kysely talk to it exactly as to a server.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedOptions {
  /** Data folder; created if missing. Omit for an in-memory database. */
  dataDir?: string | undefined;
  /** A `dumpDataDir('gzip')` archive to start from (tests' templates). */
  loadDataDir?: Blob | undefined;
}

export interface EmbeddedServer {
  host: string;
  port: number;
  pglite: PGlite;
  /** Stops the socket server and closes PGlite (idempotent). */
  stop(): Promise<void>;
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { postgis },
  });
  const host = '127.0.0.1';
  // One connection: PGlite has one session, so a second connection would interleave its
  // statements with another connection's open transaction.
  const server = new PGLiteSocketServer({ db: pglite, port: 0, host, maxConnections: 1 });
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    host,
    port: listeningPort(server),
    pglite,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        if (!pglite.closed) await pglite.close();
      })();
      return stopped;
    },
  };
}

function listeningPort(server: PGLiteSocketServer): number {
  // getServerConn() is "host:port" for TCP servers.
  const conn = server.getServerConn();
  const match = /:(\d+)$/.exec(conn);
  if (!match?.[1]) throw new Error(`cannot read the embedded server's port (${conn})`);
  return Number(match[1]);
}
