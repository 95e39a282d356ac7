import type { JsonObject } from '../json/json-value.js';

/** The connection types Ditto knows. A binding may add others. @public */
export const DITTO_CONNECTION_TYPES = ['amqp-091', 'amqp-10', 'mqtt', 'mqtt-5', 'kafka', 'http-push', 'hono'] as const;

/** A connection type string such as `mqtt-5`. @public */
export type ConnectionType = string;

/** Desired (persisted) status of a connection; only `open` makes the service connect. @public */
export type ConnectivityStatus = 'open' | 'closed' | 'failed' | 'misconfigured' | 'unknown';

/** Header name → template. @public */
export type HeaderMapping = Readonly<Record<string, string>>;

/** Source enforcement (connection-model §5.1). @public */
export interface Enforcement {
  readonly input: string;
  readonly filters: readonly string[];
}

/** Acknowledgements requested for signals consumed by a source (§5.2). @public */
export interface AcknowledgementRequests {
  readonly includes: readonly string[];
  readonly filter?: string;
}

/** Response types a reply target publishes. @public */
export type ResponseType = 'response' | 'error' | 'nack';

/** Where responses to commands consumed by a source go (§5.4). @public */
export interface ReplyTarget {
  readonly address: string;
  readonly headerMapping: HeaderMapping;
  readonly expectedResponseTypes: readonly ResponseType[];
}

/** Inbound configuration (§5). @public */
export interface Source {
  readonly addresses: readonly string[];
  readonly consumerCount: number;
  readonly qos?: number;
  readonly authorizationContext: readonly string[];
  readonly enforcement?: Enforcement;
  readonly acknowledgementRequests?: AcknowledgementRequests;
  readonly declaredAcks: readonly string[];
  readonly headerMapping: HeaderMapping;
  readonly payloadMapping: readonly string[];
  /** Present when replies are published (explicit or implicit default). */
  readonly replyTarget?: ReplyTarget;
  /** `false` only when the implicit default reply target was switched off. */
  readonly replyTargetEnabled: boolean;
}

/** Outbound configuration (§6). @public */
export interface Target {
  readonly address: string;
  /** Canonical (decoded, de-duplicated) filtered topic strings. */
  readonly topics: readonly string[];
  readonly qos?: number;
  readonly authorizationContext: readonly string[];
  readonly issuedAcknowledgementLabel?: string;
  readonly headerMapping: HeaderMapping;
  readonly payloadMapping: readonly string[];
}

/** A payload mapper configuration (§8). @public */
export interface MappingDefinition {
  readonly mappingEngine: string;
  readonly options: JsonObject;
  readonly incomingConditions?: Readonly<Record<string, string>>;
  readonly outgoingConditions?: Readonly<Record<string, string>>;
}

/** TLS client certificate credentials. @public */
export interface ClientCertificateCredentials {
  readonly type: 'client-cert';
  readonly cert?: string;
  readonly key?: string;
}

/** HMAC request-signing credentials. @public */
export interface HmacCredentials {
  readonly type: 'hmac';
  readonly algorithm: string;
  readonly parameters: JsonObject;
}

/** OAuth2 client-credentials or password grant. @public */
export interface OAuthCredentials {
  readonly type: 'oauth-client-credentials' | 'oauth-password';
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly requestedScopes: string;
  readonly audience?: string;
  readonly username?: string;
  readonly password?: string;
}

/** SSH tunnel password credentials. @public */
export interface PlainCredentials {
  readonly type: 'plain';
  readonly username: string;
  readonly password: string;
}

/** SSH tunnel key-pair credentials. @public */
export interface PublicKeyCredentials {
  readonly type: 'public-key';
  readonly username: string;
  readonly publicKey: string;
  readonly privateKey: string;
}

/** Every credentials variant. @public */
export type Credentials =
  | ClientCertificateCredentials
  | HmacCredentials
  | OAuthCredentials
  | PlainCredentials
  | PublicKeyCredentials;

/** SSH tunnel (§9). @public */
export interface SshTunnel {
  readonly enabled: boolean;
  readonly uri: string;
  readonly credentials: PlainCredentials | PublicKeyCredentials;
  readonly validateHost: boolean;
  readonly knownHosts: readonly string[];
}

/**
 * A connection after model construction: every default materialised, legacy fields migrated,
 * topics canonical. This is what the service stores and what bindings receive.
 * @public
 */
export interface Connection {
  readonly id: string;
  readonly name?: string;
  readonly connectionType: ConnectionType;
  readonly connectionStatus: ConnectivityStatus;
  readonly uri: string;
  readonly credentials?: Credentials;
  readonly ca?: string;
  readonly validateCertificates: boolean;
  readonly sources: readonly Source[];
  readonly targets: readonly Target[];
  readonly clientCount: number;
  readonly failoverEnabled: boolean;
  readonly processorPoolSize: number;
  readonly specificConfig: Readonly<Record<string, string>>;
  readonly mappingDefinitions: Readonly<Record<string, MappingDefinition>>;
  readonly tags: readonly string[];
  readonly sshTunnel?: SshTunnel;
}
