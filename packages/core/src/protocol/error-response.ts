import type { DittoErrorJson } from '../errors/ditto-error.js';
import type { JsonObject } from '../json/json-value.js';
import type { DittoProtocolMessage, ProtocolHeaders } from './envelope.js';
import type { TopicPath } from './topic-path.js';
import { TOPIC_WILDCARD } from './topic-path.js';

/** The topic of errors that concern no known thing or policy (connections, unparsable input). */
export const UNKNOWN_ENTITY_ERROR_TOPIC = '_/_/things/twin/errors';

/**
 * The errors topic for the entity of a signal (protocol.md §9): `<ns>/<name>/things/<channel>/errors`
 * for things, `<ns>/<name>/policies/errors` for policies, {@link UNKNOWN_ENTITY_ERROR_TOPIC} for
 * connections or when the entity is unknown.
 */
export function errorTopicFor(topicPath: TopicPath | undefined): string {
  if (topicPath === undefined || topicPath.namespace === TOPIC_WILDCARD) return UNKNOWN_ENTITY_ERROR_TOPIC;
  const entity = `${topicPath.namespace}/${topicPath.name}`;
  switch (topicPath.group) {
    case 'things':
      return `${entity}/things/${topicPath.channel ?? 'twin'}/errors`;
    case 'policies':
      return `${entity}/policies/errors`;
    case 'connections':
      return UNKNOWN_ENTITY_ERROR_TOPIC;
  }
}

/**
 * An error response envelope: errors topic of the signal's entity, path `/`, `status` and `value`
 * taken from the error. `headers` should carry the original `correlation-id`.
 */
export function errorResponseMessage(
  error: DittoErrorJson,
  topicPath: TopicPath | undefined,
  headers: ProtocolHeaders = {},
): DittoProtocolMessage {
  const value: JsonObject = { status: error.status, error: error.error, message: error.message };
  if (error.description !== undefined) value['description'] = error.description;
  if (error.href !== undefined) value['href'] = error.href;
  return { topic: errorTopicFor(topicPath), headers, path: '/', value, status: error.status };
}
