// The embedded socket server takes one connection at a time; a connection that breaks (reset by
// the client, an error mid-query) must free its place, or every later connection is refused and
// the embedded API answers 503 until restarted.
import pg from 'pg';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedServer } from '../src/connection/embedded';

async function connect(server: EmbeddedServer): Promise<pg.Client> {
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user: 'postgres',
    database: 'postgres',
  });
  client.on('error', () => undefined); // the reset below is on purpose
  await client.connect();
  return client;
}

describe('embedded socket server', () => {
  let server: EmbeddedServer;

  beforeAll(async () => {
    server = await startEmbedded({});
  }, 120_000);

  afterAll(async () => {
    await server.stop();
  });

  it('accepts a new connection after one was reset', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const broken = await connect(server);
      expect((await broken.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      // A TCP reset: the server sees ECONNRESET, as when a client process dies mid-session.
      const stream = (broken as unknown as { connection: { stream: Socket } }).connection.stream;
      stream.resetAndDestroy();
      await new Promise((resolve) => setTimeout(resolve, 50));

      const next = await connect(server);
      expect((await next.query<{ two: number }>('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
      await next.end();
    }
  });

  it('accepts a new connection after one ended normally', async () => {
    const first = await connect(server);
    await first.end();
    const second = await connect(server);
    expect((await second.query('SELECT 1')).rowCount).toBe(1);
    await second.end();
  });
});
