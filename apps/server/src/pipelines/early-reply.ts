import { applyHeaderMapping } from '@twinlink/core';
import type { HeaderValue, InboundMessage } from '@twinlink/core';
import type { CompiledSource } from './compiled-connection.js';

/**
 * Headers for the reply to a message that failed before it became a signal (authorization
 * subjects, payload mapping): the source header mapping over the external headers, which carries
 * `correlation-id` and `reply-to` for the reply target's templates.
 */
export function earlyReplyHeaders(message: InboundMessage, source: CompiledSource, connectionId: string): Record<string, HeaderValue> {
  if (source.headerMapping.entries.length === 0) return {};
  return applyHeaderMapping(source.headerMapping, {
    headers: message.headers,
    connectionId,
    thingId: null,
    entityId: null,
    featureId: null,
    topic: null,
    resource: null,
    time: true,
    request: { subjectIds: source.source.authorizationContext },
  });
}
