import type { BindingPlugin, ClientContext, Connection, ProtocolClient, Publisher } from '@twinlink/core';

/** A connection with a connected client and the publisher to use for it. */
export interface ConnectedConnection {
  readonly connection: Connection;
  readonly publisher: Publisher;
}

/**
 * The running publishers of every connection, by client index. The outbound pipeline and reply
 * targets publish each signal once per connection, through the lowest-numbered connected client.
 */
export class PublisherRegistry {
  // Publisher → client index; a map of publishers rather than of indexes, because a temporary test
  // client may run beside the connection's own clients with the same index.
  private readonly byConnection = new Map<string, { connection: Connection; clients: Map<Publisher, number> }>();

  /** The publisher to use for a connection, or undefined while no client is connected. */
  publisherOf(connectionId: string): Publisher | undefined {
    const clients = this.byConnection.get(connectionId)?.clients;
    if (clients === undefined) return undefined;
    let best: Publisher | undefined;
    let bestIndex = Number.POSITIVE_INFINITY;
    for (const [publisher, index] of clients) {
      if (index < bestIndex) {
        best = publisher;
        bestIndex = index;
      }
    }
    return best;
  }

  /** Every connection with a connected client, with the publisher to use for it. */
  *connected(): IterableIterator<ConnectedConnection> {
    for (const [connectionId, { connection }] of this.byConnection) {
      const publisher = this.publisherOf(connectionId);
      if (publisher !== undefined) yield { connection, publisher };
    }
  }

  /** One connection with the publisher to use for it, or undefined while it has no connected client. */
  connectedOne(connectionId: string): ConnectedConnection | undefined {
    const entry = this.byConnection.get(connectionId);
    const publisher = this.publisherOf(connectionId);
    return entry === undefined || publisher === undefined ? undefined : { connection: entry.connection, publisher };
  }

  register(connection: Connection, clientIndex: number, publisher: Publisher): void {
    let entry = this.byConnection.get(connection.id);
    if (entry === undefined) this.byConnection.set(connection.id, (entry = { connection, clients: new Map() }));
    entry.connection = connection;
    entry.clients.set(publisher, clientIndex);
  }

  unregister(connectionId: string, publisher: Publisher): void {
    const entry = this.byConnection.get(connectionId);
    if (entry === undefined || !entry.clients.delete(publisher)) return;
    if (entry.clients.size === 0) this.byConnection.delete(connectionId);
  }

  /**
   * Wraps binding plugins so that every publisher a client creates is registered while its client
   * is connected. The supervisor re-creates publishers on reconnect and closes the old ones.
   */
  track(plugins: ReadonlyMap<string, BindingPlugin>): Map<string, BindingPlugin> {
    const tracked = new Map<string, BindingPlugin>();
    for (const [type, plugin] of plugins) {
      tracked.set(type, { connectionType: plugin.connectionType, createClient: (context) => this.trackClient(plugin.createClient(context), context) });
    }
    return tracked;
  }

  private trackClient(client: ProtocolClient, context: ClientContext): ProtocolClient {
    const connectionId = context.connection.id;
    let current: Publisher | undefined;
    return {
      connect: (signal) => client.connect(signal),
      disconnect: async () => {
        if (current !== undefined) this.unregister(connectionId, current);
        current = undefined;
        await client.disconnect();
      },
      createConsumer: (spec, sink) => client.createConsumer(spec, sink),
      createPublisher: async () => {
        const publisher = await client.createPublisher();
        const wrapped: Publisher = {
          maxInFlight: publisher.maxInFlight,
          publish: (message, signal) => publisher.publish(message, signal),
          close: async () => {
            this.unregister(connectionId, wrapped);
            await publisher.close();
          },
        };
        current = wrapped;
        this.register(context.connection, context.clientIndex, wrapped);
        return wrapped;
      },
      test: (signal) => client.test(signal),
    };
  }
}
