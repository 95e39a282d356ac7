import type { BindingDefinition } from '@twinlink/core';

/** Where the binding's endpoint listens; the kit may put a proxy in between. @public */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

/** Addresses unique to one test, so tests never see each other's messages. @public */
export interface TestAddresses {
  /** Source address the client consumes; only needed when the connection type allows sources. */
  readonly source?: string;
  /** Target address the client publishes to. */
  readonly target: string;
}

/** A message seen on the endpoint after the binding published it. @public */
export interface ObservedMessage {
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Observes what arrives on one address of the endpoint. @public */
export interface Observer {
  /** The next message, or rejects after `timeoutMs`. */
  next(timeoutMs: number): Promise<ObservedMessage>;
  close(): Promise<void>;
}

/** What a binding tells the conformance suite about itself and its test endpoint. @public */
export interface ConformanceOptions {
  /** The binding package's default export. */
  readonly binding: BindingDefinition;
  /** The connection type under test. */
  readonly connectionType: string;
  /** The real endpoint (broker) to test against. */
  readonly endpoint: Endpoint;
  /** Fresh addresses for one test. */
  addresses(): TestAddresses;
  /**
   * A valid connection JSON of `connectionType` pointing at `endpoint`, with one source (unless the
   * type is targets-only: `capabilities.sources === false`) and one target.
   */
  connection(endpoint: Endpoint, addresses: TestAddresses): unknown;
  /**
   * Puts a message with this text on the source address, the way an outside producer would.
   * Required unless the connection type is targets-only.
   */
  inject?(address: string, text: string): Promise<void>;
  /** Starts observing a target address (before publishing). */
  observe(address: string): Promise<Observer>;
  /**
   * Whether a message settled `rejected` with `redeliver: true` comes back: at once, or after the
   * client reported `connection-lost` and was reconnected (MQTT's `reconnectForRedelivery`).
   * Default true.
   */
  readonly redeliversOnReject?: boolean;
  /** Upper bound for waits, in ms (default 10000). */
  readonly timeoutMs?: number;
  /** How long to wait to be sure that something does not happen, in ms (default 1000). */
  readonly quietMs?: number;
}
