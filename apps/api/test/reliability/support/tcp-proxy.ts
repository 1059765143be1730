// A TCP proxy on loopback between the API and PostgreSQL that a test can make misbehave:
// add latency, swallow traffic (a dead network), or reset every connection.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './ports';

export type ProxyMode = 'pass' | 'latency' | 'blackhole';

export interface TcpProxy {
  port: number;
  mode: ProxyMode;
  latencyMs: number;
  /** Connections accepted so far (a recovered pool opens new ones). */
  accepted: number;
  /** Resets (RST) every open connection; new ones are still accepted. */
  resetAll(): void;
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
    resetAll() {
      for (const socket of open) socket.resetAndDestroy();
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
      if (proxy.mode === 'latency') setTimeout(() => to.write(chunk), proxy.latencyMs);
      else to.write(chunk);
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
