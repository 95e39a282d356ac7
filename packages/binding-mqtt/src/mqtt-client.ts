import { BindingError, parseConfigDuration } from '@twinlink/core';
import type { ClientContext, Consumer, ConsumerSpec, InboundSink, ProtocolClient, Publisher, TestStage } from '@twinlink/core';
import type { IPublishPacket } from 'mqtt';
import { MqttConsumer } from './mqtt-consumer.js';
import { MqttLink } from './mqtt-link.js';
import type { LinkOptions } from './mqtt-link.js';
import { MqttPublisher } from './mqtt-publisher.js';
import { parseMqttSettings } from './mqtt-specific-config.js';
import type { MqttSettings } from './mqtt-specific-config.js';
import type { MqttVersion } from './mqtt-validator.js';

/** Granted QoS at or above this value in a SUBACK is a refusal (0x80 in MQTT 3.1.1, reason codes ≥ 0x80 in MQTT 5). */
const SUBACK_FAILURE = 0x80;
/** Most packets kept for consumers not created yet; further ones stay unacknowledged for the next session. */
const MAX_EARLY_PACKETS = 1000;

/**
 * One client of an `mqtt` / `mqtt-5` connection: a subscribing connection, and a second one for
 * publishing with `separatePublisherClient`. Opens nothing before {@link connect}; never reconnects
 * by itself but reports `connection-lost` for core's supervisor.
 * @internal
 */
export class MqttProtocolClient implements ProtocolClient {
  private readonly settings: MqttSettings;
  private link: MqttLink | undefined;
  private publisherLink: MqttLink | undefined;
  private consumers: MqttConsumer[] = [];
  /**
   * A persistent session's broker redelivers right after CONNACK, before core has created the
   * consumers; such packets wait here (acknowledgement held) until their consumer exists, and are
   * dropped unacknowledged once the publisher is created, which ends core's setup.
   */
  private early: IPublishPacket[] | undefined;
  private publisher: MqttPublisher | undefined;
  private redeliveryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: ClientContext,
    private readonly version: MqttVersion,
  ) {
    this.settings = parseMqttSettings(context.connection, context.instanceId, parseConfigDuration);
  }

  async connect(signal: AbortSignal): Promise<void> {
    await this.context.hosts.assertAllowed(this.context.uri.host);
    const lost = (error: BindingError) => this.lost(error);
    this.early = [];
    this.link = await MqttLink.open(this.linkOptions(this.settings.clientId, this.settings.cleanSession), signal, (packet, proceed) => this.route(packet, proceed), lost);
    if (this.settings.separatePublisherClient && this.context.connection.targets.length > 0) {
      // The publishing connection consumes nothing, so a persistent session would only hold state.
      this.publisherLink = await MqttLink.open(this.linkOptions(this.settings.publisherId, true), signal, (_packet, proceed) => proceed(), lost);
    }
  }

  async disconnect(): Promise<void> {
    clearTimeout(this.redeliveryTimer);
    this.redeliveryTimer = undefined;
    this.publisher?.failPending('The client disconnected.');
    this.publisher = undefined;
    this.consumers = [];
    this.early = undefined;
    const links = [this.link, this.publisherLink];
    this.link = undefined;
    this.publisherLink = undefined;
    await Promise.all(links.map((link) => link?.close()));
  }

  async createConsumer(spec: ConsumerSpec, sink: InboundSink): Promise<Consumer> {
    const link = this.requireLink();
    const redeliver = this.settings.reconnectForRedelivery ? () => this.scheduleRedelivery() : undefined;
    const consumer = new MqttConsumer(spec.address, link, sink, redeliver);
    // One subscription per address: further consumers of the same address share it (bindings.md §3).
    if (spec.consumerIndex > 0) return consumer;
    const granted = await link.client.subscribeAsync(spec.address, { qos: (spec.source.qos ?? 0) as 0 | 1 | 2 }).catch((error: unknown) => {
      throw new BindingError('TWINLINK_ERR_MQTT_SUBSCRIBE_FAILED', 'transient', `Subscribing to '${spec.address}' failed: ${String(error)}`, { cause: error });
    });
    const code = granted[0]?.qos ?? SUBACK_FAILURE;
    if (code >= SUBACK_FAILURE) {
      throw new BindingError('TWINLINK_ERR_MQTT_SUBSCRIBE_REJECTED', 'misconfigured', `The broker refused the subscription to '${spec.address}' (code ${code}).`);
    }
    this.consumers.push(consumer);
    const early = this.early ?? [];
    this.early = early.filter((packet) => !consumer.matches(packet.topic));
    for (const packet of early) if (consumer.matches(packet.topic)) consumer.offer(packet, () => undefined);
    return consumer;
  }

  async createPublisher(): Promise<Publisher> {
    this.early = undefined;
    this.publisher = new MqttPublisher(this.publisherLink ?? this.requireLink());
    return this.publisher;
  }

  async test(signal: AbortSignal): Promise<readonly TestStage[]> {
    const link = this.requireLink();
    const stages: TestStage[] = [{ stage: 'connect', success: true }];
    for (const source of this.context.connection.sources) {
      for (const address of source.addresses) {
        if (signal.aborted) return [...stages, { stage: `subscribe ${address}`, success: false, detail: 'The test was aborted.' }];
        stages.push(await this.testSubscription(link, address, (source.qos ?? 0) as 0 | 1 | 2));
      }
    }
    return stages;
  }

  private async testSubscription(link: MqttLink, address: string, qos: 0 | 1 | 2): Promise<TestStage> {
    const stage = `subscribe ${address}`;
    if (this.consumers.some((consumer) => consumer.address === address)) return { stage, success: true, detail: 'Subscribed.' };
    try {
      // Retain handling 2: a test subscription must not pull retained user messages (MQTT 5 only).
      const granted = await link.client.subscribeAsync(address, { qos, ...(this.version === 5 && { rh: 2 }) });
      const code = granted[0]?.qos ?? SUBACK_FAILURE;
      await link.client.unsubscribeAsync(address);
      return code < SUBACK_FAILURE ? { stage, success: true, detail: `Granted QoS ${code}.` } : { stage, success: false, detail: `The broker refused the subscription (code ${code}).` };
    } catch (error) {
      return { stage, success: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The consumer of an inbound packet: the first whose filter matches. Without one the packet stays unacknowledged. */
  private route(packet: IPublishPacket, proceed: () => void): void {
    const consumer = this.consumers.find((candidate) => candidate.matches(packet.topic));
    if (consumer) return consumer.offer(packet, proceed);
    if (packet.qos > 0 && packet.messageId !== undefined) this.link?.hold(packet.messageId);
    if (this.early && this.early.length < MAX_EARLY_PACKETS) this.early.push(packet);
    proceed();
  }

  /** reconnectForRedelivery: after the delay, report a loss so the supervisor reconnects without the acknowledgement. */
  private scheduleRedelivery(): void {
    if (this.redeliveryTimer) return;
    this.redeliveryTimer = setTimeout(() => {
      this.redeliveryTimer = undefined;
      this.link?.lost('reconnecting so that the broker redelivers unacknowledged messages');
    }, this.settings.reconnectForRedeliveryDelayMs);
  }

  private lost(error: BindingError): void {
    this.publisher?.failPending(error.message);
    this.context.emit({ type: 'connection-lost', error });
  }

  private requireLink(): MqttLink {
    if (!this.link) throw new BindingError('TWINLINK_ERR_MQTT_NOT_CONNECTED', 'transient', 'The MQTT client is not connected.');
    return this.link;
  }

  private linkOptions(clientId: string, clean: boolean): LinkOptions {
    const { uri, tls } = this.context;
    return { uri, tls, version: this.version, clientId, clean, keepAliveSeconds: this.settings.keepAliveSeconds, ...(this.settings.lastWill && { will: this.settings.lastWill }) };
  }
}
