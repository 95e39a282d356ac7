import type { Server } from 'node:http';
import { BindingError } from '@twinlink/core';
import type { BindingErrorKind, ClientContext, Consumer, ConsumerSpec, InboundMessage, InboundSink, OutboundMessage, ProtocolClient, Publisher, Settlement, TestStage } from '@twinlink/core';
import { createControlServer } from './control-server.js';

interface Subscription {
  readonly spec: ConsumerSpec;
  readonly sink: InboundSink;
  readonly inFlight: Set<Promise<Settlement>>;
}

/**
 * A client whose "broker" is its own HTTP control port: connect listens on the URI's host and
 * port (+ clientIndex), disconnect closes it. Inbound messages come from tests through the port,
 * published messages are kept for tests to read.
 */
export class LoopbackClient implements ProtocolClient {
  private server: Server | undefined;
  private readonly subscriptions: Subscription[] = [];
  private readonly publishedMessages: OutboundMessage[] = [];
  private connects = 0;
  private next = 0;

  constructor(private readonly context: ClientContext) {}

  async connect(signal: AbortSignal): Promise<void> {
    this.connects += 1;
    const config = this.context.connection.specificConfig;
    const failKind = config['failConnect'];
    if (failKind !== undefined) throw new BindingError('TWINLINK_ERR_LOOPBACK_CONNECT_REFUSED', failKind as BindingErrorKind, `Connect refused on purpose (${failKind}).`);
    if (this.connects <= Number(config['failConnectTimes'] ?? '0')) throw new BindingError('TWINLINK_ERR_LOOPBACK_CONNECT_REFUSED', 'transient', `Connect attempt ${this.connects} refused on purpose.`);
    if (config['hangConnect'] === 'true') await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    await this.context.hosts.assertAllowed(this.context.uri.host);
    this.server = await this.listen();
  }

  async disconnect(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.subscriptions.length = 0;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async createConsumer(spec: ConsumerSpec, sink: InboundSink): Promise<Consumer> {
    if (spec.address === this.context.connection.specificConfig['rejectAddress']) {
      throw new BindingError('TWINLINK_ERR_LOOPBACK_ADDRESS_REJECTED', 'misconfigured', `Consuming '${spec.address}' is refused on purpose.`);
    }
    const subscription: Subscription = { spec, sink, inFlight: new Set() };
    this.subscriptions.push(subscription);
    return {
      address: spec.address,
      stop: async (mode) => {
        this.subscriptions.splice(this.subscriptions.indexOf(subscription), 1);
        if (mode === 'drain') await Promise.allSettled(subscription.inFlight);
      },
    };
  }

  async createPublisher(): Promise<Publisher> {
    return {
      maxInFlight: 16,
      publish: async (message) => {
        if (!this.server) throw new BindingError('TWINLINK_ERR_LOOPBACK_NOT_CONNECTED', 'transient', 'Not connected.');
        this.publishedMessages.push(message);
        return { status: 200 };
      },
      close: async () => undefined,
    };
  }

  async test(): Promise<readonly TestStage[]> {
    return [{ stage: 'connect', success: true }, ...this.context.connection.sources.flatMap((source) => source.addresses.map((address) => ({ stage: `consume ${address}`, success: true })))];
  }

  private listen(): Promise<Server> {
    const server = createControlServer({
      inject: (message) => this.inject(message),
      published: () => this.publishedMessages,
      clearPublished: () => void (this.publishedMessages.length = 0),
      state: () => ({ connected: this.server !== undefined, connects: this.connects, consumers: this.subscriptions.map((s) => s.spec.address) }),
      drop: () => {
        void this.disconnect().then(() => this.context.emit({ type: 'connection-lost', error: new BindingError('TWINLINK_ERR_LOOPBACK_DROPPED', 'remote-closed', 'The peer dropped the connection.') }));
      },
    });
    const port = this.context.uri.port + this.context.clientIndex;
    return new Promise((resolve, reject) => {
      server.once('error', (error) => reject(new BindingError('TWINLINK_ERR_LOOPBACK_LISTEN', 'transient', `Cannot open control port ${port}: ${error.message}`, { cause: error })));
      server.listen(port, this.context.uri.host, () => resolve(server));
    });
  }

  /** Round-robin over the consumers of the address, as a broker spreads a queue over its consumers. */
  private async inject(message: InboundMessage): Promise<Settlement | undefined> {
    const candidates = this.subscriptions.filter((s) => s.spec.address === message.sourceAddress);
    const subscription = candidates[this.next++ % Math.max(candidates.length, 1)];
    if (!subscription) return undefined;
    const delivery = subscription.sink.deliver(message);
    subscription.inFlight.add(delivery);
    try {
      return await delivery;
    } finally {
      subscription.inFlight.delete(delivery);
    }
  }
}
