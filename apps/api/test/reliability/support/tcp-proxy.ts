// A TCP proxy on loopback between the API and PostgreSQL that a test can make misbehave:
// add latency, swallow traffic (a dead network), reset every connection (RST) or drop them
// (an orderly close, FIN, as a restarting middlebox or an idle-timeout firewall does).
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './ports';

export type ProxyMode = 'pass' | 'latency' | 'blackhole';

export interface TcpProxy {
  port: number;
  mode: ProxyMode;
  latencyMs: number;
  /** Connections accepted so far (a recovered pool opens new ones). */
  accepted: number;
  /** Chunks held back by the latency mode right now: bytes of a query or answer in flight. */
  held: number;
  /** Resets (RST) every open connection; new ones are still accepted. */
  resetAll(): void;
  /** Closes every open connection in order (FIN both ways); new ones are still accepted. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function createTcpProxy(targetPort: number): Promise<TcpProxy> {
  const port = await freePort();
  const open = new Set<Socket>();
  const proxy: TcpProxy = {
    port,
    mode: 'pass',
    latencyMs: 0,
    accepted: 0,
    held: 0,
    resetAll() {
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    dropAll() {
      for (const socket of open) socket.end();
      open.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.resetAll();
        server.close(() => {
          resolve();
        });
      }),
  };
  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (proxy.mode === 'blackhole') return; // swallowed: neither side hears anything
      if (proxy.mode !== 'latency') {
        to.write(chunk);
        return;
      }
      proxy.held += 1;
      setTimeout(() => {
        proxy.held -= 1;
        if (!to.destroyed && to.writable) to.write(chunk);
      }, proxy.latencyMs);
    });
  };
  const server: Server = createServer((client) => {
    proxy.accepted += 1;
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return proxy;
}
