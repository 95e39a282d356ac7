import type { BindingError, ClientTlsOptions, ConnectionUri } from '@twinlink/core';
import mqtt from 'mqtt';
import type { IClientOptions, IPublishPacket, MqttClient, Packet } from 'mqtt';
import { connectError, lostError } from './mqtt-errors.js';
import type { MqttVersion } from './mqtt-validator.js';

/** What one physical MQTT connection is opened with. @internal */
export interface LinkOptions {
  readonly uri: ConnectionUri;
  readonly tls: ClientTlsOptions | undefined;
  readonly version: MqttVersion;
  readonly clientId: string;
  readonly clean: boolean;
  readonly keepAliveSeconds: number;
  readonly will?: { readonly topic: string; readonly qos: 0 | 1 | 2; readonly retain: boolean; readonly payload: string };
}

/** Where a link hands inbound PUBLISH packets; `proceed` lets mqtt.js read the next packet (backpressure). @internal */
export type PublishHandler = (packet: IPublishPacket, proceed: () => void) => void;

const PROTOCOLS: Readonly<Record<string, IClientOptions['protocol']>> = { tcp: 'mqtt', ssl: 'mqtts', ws: 'ws', wss: 'wss' };
/** MQTT 5 session expiry of persistent sessions, in seconds (bindings.md §3 service default). */
const SESSION_EXPIRY_SECONDS = 60;
const GRACEFUL_END_MS = 2_000;

type SendPacket = (packet: Packet, callback?: (error?: Error) => void, ...rest: unknown[]) => void;
/** Where the acknowledgement of a held message stands. */
type AckState = 'waiting' | 'suppressed' | 'settled';

/**
 * One mqtt.js connection with acknowledgements under our control. mqtt.js acknowledges QoS 1/2
 * messages as soon as they are handled and has no manual-ack mode for MQTT 3.1.1, so the link
 * holds back the PUBACK/PUBREC of every message it delivers and sends it on {@link acknowledge};
 * a message never acknowledged is redelivered by the broker after a reconnect (persistent session).
 * No automatic reconnect: a loss is reported once through `onLost` and core's supervisor reconnects.
 * @internal
 */
export class MqttLink {
  private readonly held = new Map<number, AckState>();
  private readonly send: SendPacket;
  private closing = false;
  private lostReported = false;

  private constructor(
    readonly client: MqttClient,
    readonly version: MqttVersion,
    private readonly onPublish: PublishHandler,
    private readonly onLost: (error: BindingError) => void,
  ) {
    const internals = client as unknown as { _sendPacket: SendPacket };
    this.send = internals._sendPacket.bind(client);
    internals._sendPacket = (packet, callback, ...rest) => this.intercept(packet, callback, rest);
    client.options.customHandleAcks = (_topic, _message, packet, done) => onPublish(packet, () => done(0));
    client.handleMessage = (packet, callback) => {
      if (packet.qos === 0) onPublish(packet, () => callback());
      else callback();
    };
  }

  /** Connects; rejects with a classified BindingError (and closes the socket) when refused or aborted. */
  static async open(options: LinkOptions, signal: AbortSignal, onPublish: PublishHandler, onLost: (error: BindingError) => void): Promise<MqttLink> {
    const client = mqtt.connect({ ...clientOptions(options), manualConnect: true });
    const link = new MqttLink(client, options.version, onPublish, onLost);
    // Only our own listeners are removed afterwards: mqtt.js keeps internal ones on the same events
    // (its `close` handler clears the connect timer and the keep-alive).
    const listeners: { event: 'connect' | 'error' | 'close'; handler: (...args: never[]) => void }[] = [];
    const listen = (event: 'connect' | 'error' | 'close', handler: (...args: never[]) => void) => {
      listeners.push({ event, handler });
      client.once(event, handler);
    };
    let onAbort: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        onAbort = () => reject(signal.reason);
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        listen('connect', () => resolve());
        listen('error', (error: Error) => reject(error));
        // mqtt.js re-emits only some socket errors; TLS failures show up on the stream alone.
        let socketError: Error | undefined;
        listen('close', () => reject(socketError ?? new Error('The connection was closed before the broker accepted it.')));
        client.connect();
        client.stream?.once('error', (error: Error) => (socketError = error));
        // Core's contract: no Nagle delay on broker connections.
        (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
      }).finally(() => {
        for (const { event, handler } of listeners) client.removeListener(event, handler);
        if (onAbort) signal.removeEventListener('abort', onAbort);
      });
    } catch (error) {
      // A late socket error of the abandoned attempt must not become an unhandled 'error' event.
      client.on('error', () => undefined);
      client.end(true);
      throw connectError(error);
    }
    client.on('error', (error) => link.lost(error.message, error));
    client.on('close', () => link.lost('the connection was closed'));
    return link;
  }

  /** Marks a delivered QoS 1/2 message whose acknowledgement waits for its settlement. */
  hold(messageId: number): void {
    // Already held (a packet replayed to a late consumer): keep the state mqtt.js's attempt left.
    if (!this.held.has(messageId)) this.held.set(messageId, 'waiting');
  }

  /** Sends the held acknowledgement of a settled message, if this connection is still up. */
  acknowledge(packet: IPublishPacket): void {
    const id = packet.messageId;
    if (id === undefined) return;
    const state = this.held.get(id);
    if (state === 'waiting') {
      this.held.set(id, 'settled');
    } else if (state === 'suppressed') {
      this.held.delete(id);
      if (this.client.connected) this.send({ cmd: packet.qos === 2 ? 'pubrec' : 'puback', messageId: id });
    }
  }

  get connected(): boolean {
    return this.client.connected && !this.closing;
  }

  /** Reports a loss once, unless the loss is our own close. */
  lost(detail: string, cause?: unknown): void {
    if (this.closing || this.lostReported) return;
    this.lostReported = true;
    this.onLost(lostError(detail, cause));
  }

  /** Sends DISCONNECT when possible and closes the socket; never rejects. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const client = this.client;
    client.removeAllListeners('error');
    client.on('error', () => undefined);
    if (!client.connected) {
      client.end(true);
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => client.end(true, {}, () => resolve()), GRACEFUL_END_MS);
      client.end(false, {}, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private intercept(packet: Packet, callback: ((error?: Error) => void) | undefined, rest: unknown[]): void {
    if ((packet.cmd === 'puback' || packet.cmd === 'pubrec') && packet.messageId !== undefined) {
      const state = this.held.get(packet.messageId);
      if (state === 'waiting') {
        this.held.set(packet.messageId, 'suppressed');
        callback?.();
        return;
      }
      if (state === 'settled') this.held.delete(packet.messageId);
    }
    this.send(packet, callback, ...rest);
  }
}

function clientOptions(options: LinkOptions): IClientOptions {
  const { uri, tls, version } = options;
  const persistent = !options.clean;
  return {
    protocol: PROTOCOLS[uri.scheme] ?? 'mqtt',
    host: uri.host.replace(/^\[(.*)\]$/, '$1'),
    port: uri.port,
    ...((uri.scheme === 'ws' || uri.scheme === 'wss') && { path: uri.path || '/mqtt' }),
    protocolVersion: version === 5 ? 5 : 4,
    clientId: options.clientId,
    clean: options.clean,
    keepalive: options.keepAliveSeconds,
    reconnectPeriod: 0,
    resubscribe: false,
    // Core bounds the attempt with its own timeout through the abort signal.
    connectTimeout: 2 ** 31 - 1,
    ...(uri.username !== undefined && { username: uri.username }),
    ...(uri.password !== undefined && { password: uri.password }),
    ...(version === 5 && persistent && { properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS } }),
    ...(options.will && { will: { topic: options.will.topic, payload: Buffer.from(options.will.payload, 'utf8'), qos: options.will.qos, retain: options.will.retain } }),
    ...(tls && {
      rejectUnauthorized: tls.rejectUnauthorized,
      ...(tls.ca !== undefined && { ca: tls.ca }),
      ...(tls.cert !== undefined && { cert: tls.cert }),
      ...(tls.key !== undefined && { key: tls.key }),
      ...(tls.checkServerIdentity && { checkServerIdentity: tls.checkServerIdentity }),
      ...(tls.servername !== undefined && { servername: tls.servername }),
    }),
  };
}
