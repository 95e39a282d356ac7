import type { OutboundMessage } from '@twinlink/core';
import type { HttpPushConfig } from './http-specific-config.js';
import { PATH_HEADER, QUERY_HEADER, requestTarget, splitTargetAddress } from './http-target-address.js';

/** A request ready to sign and send. Header names are lower case. */
export interface HttpRequestParts {
  readonly method: string;
  /** Path and query, percent-encoded. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | undefined;
}

/**
 * Headers the HTTP stack owns (framing, connection management): copying them from a message
 * would corrupt the exchange, so they are never sent.
 */
const STACK_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'te', 'trailer', 'proxy-connection', 'expect']);
const TEXT_DEFAULT = 'text/plain; charset=UTF-8';
const BYTES_DEFAULT = 'application/octet-stream';
const encoder = new TextEncoder();

/**
 * Turns a published message into a request (bindings.md §5): method and path from the resolved
 * address and the control headers, every other header as is, and the body unless the method is
 * in `omitRequestBody` (then no content type either). Throws a TypeError for an address that is
 * not `<METHOD>:<path>`, which validation rules out.
 */
export function buildRequest(message: OutboundMessage, basePath: string, config: HttpPushConfig): HttpRequestParts {
  const address = splitTargetAddress(message.address);
  if (!address) throw new TypeError(`The target address '${message.address}' is not '<METHOD>:<path>'.`);
  const headers: Record<string, string> = {};
  let contentType = message.contentType;
  for (const [name, value] of Object.entries(message.headers)) {
    const lower = name.toLowerCase();
    if (lower === PATH_HEADER || lower === QUERY_HEADER || STACK_HEADERS.has(lower)) continue;
    if (lower === 'content-type') {
      contentType = value;
      continue;
    }
    headers[lower] = value;
  }
  const path = requestTarget(basePath, address.path, message.headers);
  if (config.omitRequestBody.has(address.method)) return { method: address.method, path, headers, body: undefined };
  const { body, type } = bodyOf(message, contentType);
  if (type !== undefined) headers['content-type'] = type;
  return { method: address.method, path, headers, body };
}

/**
 * With a content type the payload bytes are sent as they are (a text payload as UTF-8, its
 * charset parameter not applied, as Ditto does); without one, text goes as UTF-8 text/plain and
 * bytes as application/octet-stream.
 */
function bodyOf(message: OutboundMessage, contentType: string | undefined): { body: Uint8Array | undefined; type: string | undefined } {
  const { textPayload, bytePayload } = message;
  if (contentType !== undefined) {
    return { body: bytePayload ?? (textPayload !== undefined ? encoder.encode(textPayload) : undefined), type: contentType };
  }
  if (textPayload !== undefined) return { body: encoder.encode(textPayload), type: TEXT_DEFAULT };
  if (bytePayload !== undefined) return { body: bytePayload, type: BYTES_DEFAULT };
  return { body: undefined, type: undefined };
}
