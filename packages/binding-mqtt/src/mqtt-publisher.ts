import { BindingError } from '@twinlink/core';
import type { OutboundMessage, PublishOutcome, Publisher } from '@twinlink/core';
import { publishRequest } from './mqtt-headers.js';
import type { MqttLink } from './mqtt-link.js';

/** Outbound queue of one client (bindings.md §3 service default). @internal */
export const MQTT_MAX_IN_FLIGHT = 1000;

/**
 * Publishes with the target's qos and retain, MQTT 5 properties from headers. Resolves 200 once
 * the broker acknowledged (QoS 0: once written); rejects 400 for messages that cannot become a
 * PUBLISH and 503 when the broker fails, the connection is down or too many are in flight.
 * @internal
 */
export class MqttPublisher implements Publisher {
  readonly maxInFlight = MQTT_MAX_IN_FLIGHT;
  private readonly pending = new Set<(error: BindingError) => void>();
  private closed = false;
  private idle: (() => void) | undefined;

  constructor(private readonly link: MqttLink) {}

  publish(message: OutboundMessage, signal: AbortSignal): Promise<PublishOutcome> {
    if (this.closed || !this.link.connected) return Promise.reject(unavailable('The MQTT connection is not open.'));
    if (this.pending.size >= this.maxInFlight) return Promise.reject(unavailable('There are too many in-flight requests.'));
    if (signal.aborted) return Promise.reject(aborted(signal));
    let request;
    try {
      request = publishRequest(message, this.link.version);
    } catch (error) {
      return Promise.reject(error);
    }
    const { topic, payload, qos, retain, properties } = request;
    return new Promise<PublishOutcome>((resolve, reject) => {
      const fail = (error: BindingError) => finish(() => reject(error));
      const onAbort = () => fail(aborted(signal));
      const finish = (settle: () => void) => {
        if (!this.pending.delete(fail)) return;
        signal.removeEventListener('abort', onAbort);
        settle();
        if (this.pending.size === 0) this.idle?.();
      };
      this.pending.add(fail);
      signal.addEventListener('abort', onAbort, { once: true });
      this.link.client.publish(topic, payload, { qos, retain, ...(properties && { properties }) }, (error) => {
        if (error) fail(unavailable(`The broker did not accept the message: ${error.message}`, error));
        else finish(() => resolve({ status: 200 }));
      });
    });
  }

  /** Rejects publishes still waiting for an acknowledgement; the connection is going away. */
  failPending(reason: string): void {
    for (const fail of [...this.pending]) fail(unavailable(reason));
  }

  /** Waits for in-flight publishes (the client's disconnect bounds the wait). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pending.size > 0 && this.link.connected) await new Promise<void>((resolve) => (this.idle = resolve));
    this.failPending('The publisher was closed.');
  }
}

function unavailable(message: string, cause?: unknown): BindingError {
  return new BindingError('TWINLINK_ERR_MQTT_PUBLISH_FAILED', 'transient', message, { status: 503, ...(cause !== undefined && { cause }) });
}

function aborted(signal: AbortSignal): BindingError {
  const reason = signal.reason instanceof Error ? signal.reason.message : 'The publish was aborted.';
  return new BindingError('TWINLINK_ERR_MQTT_PUBLISH_ABORTED', 'transient', reason, { status: 503 });
}
