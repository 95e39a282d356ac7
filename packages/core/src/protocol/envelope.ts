import type { DittoError } from '../errors/ditto-error.js';
import type { JsonObject, JsonValue } from '../json/json-value.js';
import { isJsonObject } from '../json/json-value.js';
import { fieldTypeInvalid, jsonFieldMissing, jsonInvalid, preview } from './protocol-errors.js';

/** A Ditto Protocol header value: a JSON scalar or array (e.g. `requested-acks`), never an object. */
export type HeaderValue = string | number | boolean | null | readonly JsonValue[];

/** Ditto Protocol headers: name → value; names compare case-insensitively (see {@link DittoHeaders}). */
export type ProtocolHeaders = Readonly<Record<string, HeaderValue>>;

/**
 * A Ditto Protocol message (protocol.md §1). Optional fields are absent (never `undefined`-valued)
 * when not set; `value: null` is a present JSON `null`.
 */
export interface DittoProtocolMessage {
  readonly topic: string;
  readonly headers: ProtocolHeaders;
  readonly path: string;
  readonly value?: JsonValue;
  readonly extra?: JsonObject;
  readonly status?: number;
  readonly revision?: number;
  readonly timestamp?: string;
  readonly fields?: string;
}

/**
 * Parses and validates a Ditto Protocol message from JSON text or from an already parsed value.
 * Unknown envelope fields are ignored; values are kept by reference (no copies).
 * @throws DittoError `json.invalid` / `json.field.missing` (400) — never anything else.
 */
export function parseDittoProtocolMessage(input: unknown): DittoProtocolMessage {
  const json = typeof input === 'string' ? parseJsonText(input) : input;
  if (!isJsonObject(json)) {
    throw jsonInvalid(`The Ditto Protocol message must be a JSON object but was <${preview(json)}>.`);
  }
  const topic = required(json, 'topic');
  const headers = required(json, 'headers');
  const path = required(json, 'path');
  if (typeof topic !== 'string') throw fieldTypeInvalid('/topic', topic, 'String');
  if (typeof path !== 'string') throw fieldTypeInvalid('/path', path, 'String');
  checkHeaders(headers);

  const message: { -readonly [K in keyof DittoProtocolMessage]: DittoProtocolMessage[K] } = { topic, headers, path };
  const value = own(json, 'value');
  if (value !== undefined) message.value = value as JsonValue;
  const extra = own(json, 'extra');
  if (extra !== undefined) {
    if (!isJsonObject(extra)) throw fieldTypeInvalid('/extra', extra, 'JsonObject');
    message.extra = extra;
  }
  const status = own(json, 'status');
  if (status !== undefined) {
    if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) {
      throw fieldTypeInvalid('/status', status, 'HTTP status code');
    }
    message.status = status as number;
  }
  const revision = own(json, 'revision');
  if (revision !== undefined) {
    if (!Number.isSafeInteger(revision)) throw fieldTypeInvalid('/revision', revision, 'long');
    message.revision = revision as number;
  }
  const timestamp = own(json, 'timestamp');
  if (timestamp !== undefined) {
    if (typeof timestamp !== 'string') throw fieldTypeInvalid('/timestamp', timestamp, 'String');
    message.timestamp = timestamp;
  }
  const fields = own(json, 'fields');
  if (fields !== undefined) {
    if (typeof fields !== 'string') throw fieldTypeInvalid('/fields', fields, 'String');
    message.fields = fields;
  }
  return message;
}

/** The message as a JSON object in Ditto's field order, absent fields omitted. */
export function toDittoProtocolJson(message: DittoProtocolMessage): JsonObject {
  const json: JsonObject = { topic: message.topic, headers: message.headers as JsonObject, path: message.path };
  if (message.value !== undefined) json['value'] = message.value;
  if (message.extra !== undefined) json['extra'] = message.extra;
  if (message.status !== undefined) json['status'] = message.status;
  if (message.revision !== undefined) json['revision'] = message.revision;
  if (message.timestamp !== undefined) json['timestamp'] = message.timestamp;
  if (message.fields !== undefined) json['fields'] = message.fields;
  return json;
}

/** The message as JSON text in Ditto's field order, absent fields omitted. */
export function serializeDittoProtocolMessage(message: DittoProtocolMessage): string {
  return JSON.stringify(toDittoProtocolJson(message));
}

function parseJsonText(text: string): unknown {
  try {
    // JSON.parse defines `__proto__` keys as own data properties, so they stay inert.
    return JSON.parse(text) as unknown;
  } catch {
    throw jsonInvalid(`Failed to parse JSON string '${preview(text)}'!`);
  }
}

function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function required(object: JsonObject, key: string): unknown {
  const value = own(object, key);
  if (value === undefined || value === null) throw jsonFieldMissing(`/${key}`);
  return value;
}

function checkHeaders(headers: unknown): asserts headers is ProtocolHeaders {
  if (!isJsonObject(headers)) throw fieldTypeInvalid('/headers', headers, 'JsonObject');
  for (const name of Object.keys(headers)) {
    if (isJsonObject(headers[name])) throw headerObjectValue(name);
  }
}

function headerObjectValue(name: string): DittoError {
  return jsonInvalid(`The value of the header '${preview(name)}' must be a JSON scalar or array, not an object.`);
}
