import type { Socket } from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Generator } from './generator.js';
import type { PhaseRouter } from './phase-router.js';

/** MQTT settings shared by generator and sink. */
export interface MqttEndpointOptions {
  readonly url: string;
  readonly qos: 0 | 1;
}

/** How one lane turns (thing, id) into an MQTT publication. */
export interface MqttMessageShape {
  topic(thing: number): string;
  payload(thing: number, id: string): string;
  /** MQTT 5 user properties (the external message's headers). */
  userProperties(thing: number): Record<string, string>;
}

async function connect(url: string, options: IClientOptions): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0, clean: true, ...options });
  // Small packets must leave at once: Nagle's algorithm would hold them back for the peer's delayed ACK.
  (client.stream as Partial<Socket>).setNoDelay?.(true);
  return client;
}

/** Producers as separate MQTT 5 clients, like devices. */
export class MqttGenerator implements Generator {
  private constructor(
    private readonly clients: readonly MqttClient[],
    private readonly qos: 0 | 1,
    private shape: MqttMessageShape,
  ) {}

  static async connect(options: MqttEndpointOptions, producers: number, shape: MqttMessageShape): Promise<MqttGenerator> {
    const clients = await Promise.all(Array.from({ length: producers }, (_, i) => connect(options.url, { clientId: `bench-producer-${i}-${process.pid}` })));
    return new MqttGenerator(clients, options.qos, shape);
  }

  get producers(): number {
    return this.clients.length;
  }

  /** Lanes differ only in what they publish; the connections stay. */
  withShape(shape: MqttMessageShape): Generator {
    return { producers: this.producers, send: (producer, id, thing) => this.publish(shape, producer, id, thing) };
  }

  send(producer: number, id: string, thing: number): void {
    this.publish(this.shape, producer, id, thing);
  }

  private publish(shape: MqttMessageShape, producer: number, id: string, thing: number): void {
    (this.clients[producer] as MqttClient).publish(shape.topic(thing), shape.payload(thing, id), { qos: this.qos, properties: { userProperties: shape.userProperties(thing) } });
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.endAsync()));
  }
}

/** One MQTT subscriber booking everything that arrives on `filter`. */
export class MqttSink {
  private constructor(private readonly client: MqttClient) {}

  static async subscribe(options: MqttEndpointOptions, filter: string, router: PhaseRouter): Promise<MqttSink> {
    const client = await connect(options.url, { clientId: `bench-sink-${process.pid}` });
    client.on('message', (_topic, payload) => router.receiveJson(payload.toString()));
    await client.subscribeAsync(filter, { qos: options.qos });
    return new MqttSink(client);
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
