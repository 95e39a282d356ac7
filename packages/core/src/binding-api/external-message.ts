/**
 * A broker message in neutral form. Headers are strings, case-preserving; binding pseudo headers
 * such as `mqtt.topic` or `kafka.key` live here too.
 * @public
 */
export interface ExternalMessage {
  readonly headers: Readonly<Record<string, string>>;
  /** Text form of the payload, when the content type (or the protocol) makes it text. */
  readonly textPayload?: string;
  /** Raw payload bytes. */
  readonly bytePayload?: Uint8Array;
  /** The `content-type` of the payload, when known. */
  readonly contentType?: string;
}

/** A message consumed from a source address. @public */
export interface InboundMessage extends ExternalMessage {
  /** The concrete address the message arrived on (e.g. the MQTT topic, the Kafka topic). */
  readonly sourceAddress: string;
}

/** A message ready to publish: the address is resolved, headers are final. @public */
export interface OutboundMessage extends ExternalMessage {
  readonly address: string;
  /** Target qos where the protocol has one (MQTT). */
  readonly qos?: number;
}
