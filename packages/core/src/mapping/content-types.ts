import { TextDecoder } from 'node:util';
import type { ExternalMessage } from '../binding-api/external-message.js';

/** The Ditto Protocol content type. */
export const DITTO_PROTOCOL_CONTENT_TYPE = 'application/vnd.eclipse.ditto+json';

/** How a payload of a content type is read (mapping.md §7). */
export type PayloadKind = 'text' | 'json' | 'binary';

/** The media type of a content type: lower case, parameters removed. */
export function mediaTypeOf(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** The `charset` parameter of a content type, if any. */
function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1];
}

/** Text, JSON (merge patch included) or binary, by content type; absent → binary. */
export function payloadKindOf(contentType: string | undefined): PayloadKind {
  if (contentType === undefined) return 'binary';
  const media = mediaTypeOf(contentType);
  if (media === 'application/json' || (media.startsWith('application/') && media.endsWith('+json'))) return 'json';
  if (
    media.startsWith('text/') ||
    media === 'application/javascript' ||
    media === 'application/ecmascript' ||
    (media.startsWith('application/') && media.endsWith('+javascript'))
  ) {
    return 'text';
  }
  return 'binary';
}

/** The content type of an external message: its `contentType`, else a `content-type` header in any case. */
export function contentTypeOf(message: ExternalMessage): string | undefined {
  if (message.contentType !== undefined) return message.contentType;
  const headers = message.headers;
  if (Object.prototype.hasOwnProperty.call(headers, 'content-type')) return headers['content-type'];
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === 'content-type') return headers[name];
  }
  return undefined;
}

const decoders = new Map<string, TextDecoder>();

function decoderFor(charset: string | undefined): TextDecoder {
  const label = (charset ?? 'utf-8').toLowerCase();
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    if (decoders.size < 64) decoders.set(label, decoder);
  }
  return decoder;
}

/**
 * The payload as text: the text payload, else the bytes decoded with the content type's charset
 * (UTF-8 by default or when the charset is unknown); `undefined` when there is no payload.
 */
export function payloadText(message: ExternalMessage): string | undefined {
  if (message.textPayload !== undefined) return message.textPayload;
  if (message.bytePayload === undefined) return undefined;
  return decoderFor(charsetOf(contentTypeOf(message))).decode(message.bytePayload);
}
