import type { Source } from '../model/connection.js';
import type { OutboundMessage } from './external-message.js';
import type { PublishOutcome } from './publish-outcome.js';
import type { InboundSink } from './settlement.js';

/** What one consumer consumes: one address of one source. @public */
export interface ConsumerSpec {
  readonly sourceIndex: number;
  readonly source: Source;
  readonly address: string;
  /** 0 .. consumerCount-1 */
  readonly consumerIndex: number;
}

/** A running consumer. @public */
export interface Consumer {
  readonly address: string;
  /** `drain`: stop taking new messages and wait for unsettled ones; `now`: drop the subscription at once. */
  stop(mode: 'drain' | 'now'): Promise<void>;
}

/** Publishes the messages of every target and reply target of one client. @public */
export interface Publisher {
  /** The most publishes this publisher accepts in flight; core queues nothing beyond it. */
  readonly maxInFlight: number;
  /**
   * Resolves with the technical outcome; rejects with a BindingError. Honours `signal` (timeout,
   * shutdown). The signal may be shared by many publishes: remove any listener added to it once the
   * publish completes.
   */
  publish(message: OutboundMessage, signal: AbortSignal): Promise<PublishOutcome>;
  close(): Promise<void>;
}

/** One stage of a connection test, e.g. `connect`, `subscribe telemetry/#`. @public */
export interface TestStage {
  readonly stage: string;
  readonly success: boolean;
  readonly detail?: string;
}

/**
 * One client (one physical connection, two for MQTT with a separate publisher) of a connection.
 * Created by {@link BindingPlugin.createClient}; must not open sockets before {@link connect}.
 * Core's supervisor drives it: connect, create consumers and the publisher, and on a reported loss
 * (ClientContext.events) disconnect, back off and do it all again.
 * @public
 */
export interface ProtocolClient {
  /** Resolves when usable; rejects with a BindingError. Aborted by `signal` on timeout or close. */
  connect(signal: AbortSignal): Promise<void>;
  /** Stops consumers, drains publishers, closes sockets. Idempotent, never rejects. */
  disconnect(): Promise<void>;
  /** Starts consuming one address; resolves once the broker accepted it (subscription, queue check). */
  createConsumer(spec: ConsumerSpec, sink: InboundSink): Promise<Consumer>;
  /** The publisher for all targets and reply targets of this client. */
  createPublisher(): Promise<Publisher>;
  /**
   * Per-stage report for testConnection, with the client already connected by core: e.g. check
   * that every source address can be consumed. Must not consume or publish user messages.
   */
  test(signal: AbortSignal): Promise<readonly TestStage[]>;
}
