import type { Consumer, InboundSink, Settlement } from '@twinlink/core';
import type { IPublishPacket } from 'mqtt';
import { inboundMessage } from './mqtt-headers.js';
import type { MqttLink } from './mqtt-link.js';
import { topicMatches } from './topic-filter.js';

/** What a consumer does with a failed settlement that asks for redelivery. @internal */
export type RedeliveryRequest = () => void;

/**
 * One subscription (one source address). Delivers matching PUBLISH packets to the sink and holds
 * at most `sink.capacity` of them unsettled: beyond that it stops mqtt.js from reading further
 * packets until one settles, so backpressure reaches the broker's flow control (MQTT 5 receive
 * maximum, TCP for MQTT 3.1.1). QoS 1/2 acknowledgements wait for the settlement (bindings.md §0.4).
 * @internal
 */
export class MqttConsumer implements Consumer {
  private unsettled = 0;
  /** Packets over capacity; at most one from the socket (mqtt.js reads on only after `proceed`), more when replayed. */
  private readonly waiting: { packet: IPublishPacket; proceed: () => void }[] = [];
  private stopped = false;
  private drained: (() => void) | undefined;

  constructor(
    readonly address: string,
    private readonly link: MqttLink,
    private readonly sink: InboundSink,
    private readonly redeliver: RedeliveryRequest | undefined,
  ) {}

  /** Whether a message on `topic` belongs to this consumer. */
  matches(topic: string): boolean {
    return !this.stopped && topicMatches(this.address, topic);
  }

  /** Takes one packet; calls `proceed` once another one may be read. */
  offer(packet: IPublishPacket, proceed: () => void): void {
    if (this.waiting.length === 0 && this.unsettled < Math.max(1, this.sink.capacity)) {
      this.deliver(packet);
      proceed();
    } else {
      this.waiting.push({ packet, proceed });
    }
  }

  async stop(mode: 'drain' | 'now'): Promise<void> {
    this.stopped = true;
    // Packets not yet delivered stay unacknowledged: the broker redelivers them to the next session.
    for (const waiting of this.waiting.splice(0)) {
      if (waiting.packet.qos > 0 && waiting.packet.messageId !== undefined) this.link.hold(waiting.packet.messageId);
      waiting.proceed();
    }
    if (mode === 'drain' && this.unsettled > 0) await new Promise<void>((resolve) => (this.drained = resolve));
  }

  private deliver(packet: IPublishPacket): void {
    this.unsettled += 1;
    if (packet.qos > 0 && packet.messageId !== undefined) this.link.hold(packet.messageId);
    void this.sink.deliver(inboundMessage(packet, this.link.version)).then(
      (settlement) => this.settled(packet, settlement),
      () => this.settled(packet, { outcome: 'rejected', redeliver: true, reason: 'The sink failed.' }),
    );
  }

  private settled(packet: IPublishPacket, settlement: Settlement): void {
    this.unsettled -= 1;
    const wantsRedelivery = settlement.outcome === 'rejected' && settlement.redeliver;
    if (packet.qos > 0) {
      // Without reconnectForRedelivery MQTT has no way to redeliver: acknowledge anyway (bindings.md §0.4).
      if (wantsRedelivery && this.redeliver) this.redeliver();
      else this.link.acknowledge(packet);
    }
    while (this.waiting.length > 0 && !this.stopped && this.unsettled < Math.max(1, this.sink.capacity)) {
      const next = this.waiting.shift()!;
      this.deliver(next.packet);
      next.proceed();
    }
    if (this.unsettled === 0) this.drained?.();
  }
}
