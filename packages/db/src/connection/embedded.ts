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
  releaseBrokenConnections(server);
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

/**
 * pglite-socket (0.2.x) forgets a connection only when its socket closes cleanly: after an error
 * (a reset by the client, a failed write) the handler detaches without telling the server, which
 * keeps counting it, so with one place every later connection is refused ("Too many
 * connections") until restart. Its set of handlers is replaced by one that also lets a handler
 * go on its first error. (test/embedded-socket.test.ts fails without this.)
 */
function releaseBrokenConnections(server: PGLiteSocketServer): void {
  const internals = server as unknown as { handlers: Set<EventTarget> };
  if (!(internals.handlers instanceof Set)) {
    throw new Error('pglite-socket changed: its server has no set of handlers to watch');
  }
  const handlers = new Set<EventTarget>();
  const add = handlers.add.bind(handlers);
  handlers.add = (handler) => {
    handler.addEventListener('error', () => handlers.delete(handler), { once: true });
    return add(handler);
  };
  internals.handlers = handlers;
}

function listeningPort(server: PGLiteSocketServer): number {
  // getServerConn() is "host:port" for TCP servers.
  const conn = server.getServerConn();
  const match = /:(\d+)$/.exec(conn);
  if (!match?.[1]) throw new Error(`cannot read the embedded server's port (${conn})`);
  return Number(match[1]);
}
