import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/** A TCP forwarder between a client and a real endpoint that can fail on command. @public */
export interface FaultyTcpProxy {
  /** The proxy's own port on 127.0.0.1. */
  readonly port: number;
  /** Destroys every open connection (a peer going away); new connections are still accepted. */
  cut(): void;
  /** While stalled, bytes are held in both directions (a frozen peer); {@link resume} lets them through. */
  stall(): void;
  resume(): void;
  /** Refuses new connections (closes them at once) until {@link accept}; open ones are cut. */
  refuse(): void;
  accept(): void;
  /** Connections currently open through the proxy. */
  readonly openConnections: number;
  /** Cuts everything and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a {@link FaultyTcpProxy} on a free loopback port that forwards to `target`, so outage
 * tests cut, stall or refuse a connection deterministically instead of restarting a broker.
 * @public
 */
export async function startFaultyTcpProxy(target: { readonly host: string; readonly port: number }): Promise<FaultyTcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let refusing = false;
  let stalled = false;
  const server: Server = createServer((client) => {
    client.setNoDelay(true);
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: target.host, port: target.port });
    upstream.setNoDelay(true);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const teardown = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', teardown);
      socket.on('close', teardown);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    if (stalled) pausePair(pair);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no TCP address.');
  const cut = () => {
    for (const [client, upstream] of [...pairs]) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port: address.port,
    cut,
    stall() {
      stalled = true;
      for (const pair of pairs) pausePair(pair);
    },
    resume() {
      stalled = false;
      for (const [client, upstream] of pairs) {
        client.resume();
        upstream.resume();
      }
    },
    refuse() {
      refusing = true;
      cut();
    },
    accept() {
      refusing = false;
    },
    get openConnections() {
      return pairs.size;
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function pausePair([client, upstream]: [Socket, Socket]): void {
  client.pause();
  upstream.pause();
}
