import type { JsonValue } from '../json/json-value.js';
import { setOwn } from '../json/json-value.js';
import type { HeaderValue, ProtocolHeaders } from './envelope.js';

/**
 * A case-insensitive, case-preserving header map (protocol.md §3). Setting a name that exists in
 * another case replaces the entry and takes the new spelling.
 */
export class DittoHeaders implements Iterable<[string, HeaderValue]> {
  private readonly entries = new Map<string, { readonly name: string; readonly value: HeaderValue }>();

  /** A map holding the headers of a record (later spellings of the same name win). */
  static of(headers: ProtocolHeaders): DittoHeaders {
    const map = new DittoHeaders();
    for (const name of Object.keys(headers)) map.set(name, headers[name] as HeaderValue);
    return map;
  }

  /** Number of headers. */
  get size(): number {
    return this.entries.size;
  }

  /** The value of a header, looked up case-insensitively. */
  get(name: string): HeaderValue | undefined {
    return this.entries.get(name.toLowerCase())?.value;
  }

  /** Whether a header is present, looked up case-insensitively. */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Sets a header, replacing any other spelling of its name. */
  set(name: string, value: HeaderValue): this {
    this.entries.set(name.toLowerCase(), { name, value });
    return this;
  }

  /** Removes a header in any spelling; true when it was present. */
  delete(name: string): boolean {
    return this.entries.delete(name.toLowerCase());
  }

  /** Iterates `[name, value]` in insertion order with the stored spelling. */
  *[Symbol.iterator](): Iterator<[string, HeaderValue]> {
    for (const { name, value } of this.entries.values()) yield [name, value];
  }

  /** The headers as a plain record (a `__proto__` name stays an ordinary key). */
  toObject(): Record<string, HeaderValue> {
    const record: Record<string, HeaderValue> = {};
    for (const { name, value } of this.entries.values()) defineHeader(record, name, value);
    return record;
  }
}

/** Case-insensitive lookup in a header record without building a map (exact spelling tried first). */
export function headerValue(headers: ProtocolHeaders, name: string): HeaderValue | undefined {
  if (Object.prototype.hasOwnProperty.call(headers, name)) return headers[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === lower) return headers[key];
  }
  return undefined;
}

/** A header value in its string form (strings as is, other values as JSON text). */
export function headerString(value: HeaderValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A boolean header (`true`/`false` as JSON or as text, case-insensitive); `undefined` when absent or not boolean. */
export function headerBoolean(value: HeaderValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/**
 * A string-list header such as `requested-acks`: a JSON array of strings, or its JSON text, or a
 * comma-separated text. `undefined` when absent.
 */
export function headerStringList(value: HeaderValue | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item: JsonValue) => (typeof item === 'string' ? item : JSON.stringify(item)));
  if (typeof value !== 'string') return [String(value)];
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map((item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item)));
    } catch {
      // not JSON: fall through to the comma-separated form
    }
  }
  return text.length === 0 ? [] : text.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}

/** Built-in acknowledgement labels, never published to external systems. */
export const BUILT_IN_ACK_LABELS: ReadonlySet<string> = new Set(['twin-persisted', 'live-response', 'search-persisted']);

const INTERNAL_HEADERS: ReadonlySet<string> = new Set(['channel', 'read-subjects', 'subject', 'raw-request-url', 'timeout-access']);
const ORIGINATOR = 'ditto-originator';
const REQUESTED_ACKS = 'requested-acks';

/** True for headers that are internal to Ditto: `ditto-*` and `channel`, `read-subjects`, `subject`, `raw-request-url`, `timeout-access`. */
export function isInternalHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('ditto-') || INTERNAL_HEADERS.has(lower);
}

/** Headers of an inbound (external) message without the internal ones, which are never taken from outside. */
export function headersFromExternal(headers: ProtocolHeaders): Record<string, HeaderValue> {
  const result: Record<string, HeaderValue> = {};
  for (const name of Object.keys(headers)) {
    if (!isInternalHeader(name)) defineHeader(result, name, headers[name] as HeaderValue);
  }
  return result;
}

/**
 * Headers that may be written to an external message: internal headers are removed except
 * `ditto-originator`, and the built-in labels are removed from `requested-acks` (the header is
 * dropped when no label remains).
 */
export function headersForExternal(headers: ProtocolHeaders): Record<string, HeaderValue> {
  const result: Record<string, HeaderValue> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name] as HeaderValue;
    const lower = name.toLowerCase();
    if (lower === REQUESTED_ACKS) {
      const labels = (headerStringList(value) ?? []).filter((label) => !BUILT_IN_ACK_LABELS.has(label));
      if (labels.length > 0) defineHeader(result, name, labels);
    } else if (lower === ORIGINATOR || !isInternalHeader(lower)) {
      defineHeader(result, name, value);
    }
  }
  return result;
}

/** Adds a header to a record as an own data property, so a `__proto__` name never changes the prototype. */
export function defineHeader(record: Record<string, HeaderValue>, name: string, value: HeaderValue): void {
  setOwn(record, name, value);
}
