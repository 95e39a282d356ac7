import type { InboundMessage } from './external-message.js';

/**
 * How a consumed message is settled once the pipeline is done with it (bindings.md §0.4):
 * `accepted` → ack / commit; `rejected` with `redeliver` → nack-requeue, AMQP 1.0 `modified`,
 * Kafka restart from the last commit, MQTT reconnect when configured; without → nack-drop,
 * AMQP 1.0 `rejected`, commit.
 * @public
 */
export type Settlement =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'rejected'; readonly redeliver: boolean; readonly reason: string };

/** Where a consumer hands its messages. @public */
export interface InboundSink {
  /**
   * The most unsettled messages a consumer may hold at once. A consumer asks its broker for no
   * more (prefetch, receive maximum, link credit, paused partitions) so that backpressure reaches
   * the broker instead of a queue in memory.
   */
  readonly capacity: number;
  /** Runs the inbound pipeline; resolves with the settlement. Never rejects. */
  deliver(message: InboundMessage): Promise<Settlement>;
}
