import type { ExternalMessage } from '../binding-api/external-message.js';
import { DittoError } from '../errors/ditto-error.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { parseMessagePath } from '../protocol/message-path.js';
import type { TopicPath } from '../protocol/topic-path.js';
import { payloadKindOf } from './content-types.js';

// Java's basic Base64 decoder: standard alphabet, padding optional.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

function notBase64(contentType: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'messages:message.format.invalid',
    message: `Expect payload of a message of content-type <${contentType}> to be a base64 encoded string.`,
    description: 'Please make sure the message has the correct content-type.',
  });
}

/**
 * The RawMessage mapper's external form of a live message or message response: `ditto-message-*`
 * headers, the value as text (strings unquoted) or as the bytes of its Base64 text.
 * @throws DittoError `protocoladapter:invalid.path` for a bad message path, `messages:message.format.invalid` for a binary type without a Base64 value
 */
export function rawMessageOutbound(message: DittoProtocolMessage, topic: TopicPath, contentType: string): ExternalMessage {
  const subject = topic.subject ?? '';
  const path = parseMessagePath(message.path, subject);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'ditto-message-direction': path.direction === 'inbox' ? 'TO' : 'FROM',
    'ditto-message-thing-id': `${topic.namespace}:${topic.name}`,
    'ditto-message-subject': subject,
  };
  if (path.featureId !== undefined) headers['ditto-message-feature-id'] = path.featureId;
  if (message.status !== undefined) headers['status'] = String(message.status);
  const value = message.value;
  if (value === undefined) return { headers, contentType };
  if (payloadKindOf(contentType) !== 'binary') {
    return { headers, contentType, textPayload: typeof value === 'string' ? value : JSON.stringify(value) };
  }
  if (typeof value !== 'string' || !BASE64.test(value)) throw notBase64(contentType);
  return { headers, contentType, bytePayload: new Uint8Array(Buffer.from(value, 'base64')) };
}
