import type { JsonObject, JsonValue } from '../json/json-value.js';
import { isJsonObject } from '../json/json-value.js';
import { withValueAt } from '../json/json-pointer.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import { classifySignal } from './classify-signal.js';
import type { DittoProtocolMessage } from './envelope.js';
import type { ProtocolSignal } from './signal.js';
import type { TopicPath } from './topic-path.js';
import { parseTopicPath } from './topic-path.js';

const THING_LEVEL_FEATURE_ACTIONS: ReadonlySet<string> = new Set(['create', 'modify', 'created', 'modified']);

/**
 * The signal-derived part of a placeholder context (placeholders.md §3): `thing:`, `entity:`,
 * `feature:id`, `topic:` and `resource:`. Keys of `extras` (headers, connection id, time, …) are
 * added and win. A message whose topic or path cannot be understood yields `null` for what is unknown.
 */
export function placeholderContextOf(message: DittoProtocolMessage, extras: PlaceholderContext = {}): PlaceholderContext {
  const topicPath = tryParse(() => parseTopicPath(message.topic));
  const signal = topicPath && tryParse(() => classifySignal(message, topicPath));
  const group = topicPath?.group;
  const namespaced = group === 'things' || group === 'policies';
  return {
    thingId: group === 'things' ? (topicPath?.entityId ?? null) : null,
    entityId: namespaced ? (topicPath?.entityId ?? null) : null,
    featureId: featureIdsOf(message, signal),
    topic: topicPath ? message.topic : null,
    resource: topicPath ? { type: resourceTypeOf(topicPath), path: resourcePathOf(message, signal) } : null,
    ...extras,
  };
}

/**
 * The thing an RQL filter sees for an event (rql-and-topics.md §4.4): the full thing for
 * thing-level events, only the changed resource at its path (plus `thingId`) for sub-resource
 * events, just the id for deletions, and an empty object for anything that is not a thing event.
 */
export function reconstructThingFromEvent(message: DittoProtocolMessage): JsonObject {
  const signal = tryParse(() => classifySignal(message));
  if (signal?.kind !== 'event') return {};
  const base: JsonObject = { thingId: signal.thingId };
  if (signal.action === 'deleted' || message.value === undefined) return base;
  if (signal.resource.kind === 'thing') return isJsonObject(message.value) ? { ...base, ...message.value } : base;
  return withValueAt(base, signal.resource.segments, message.value) as JsonObject;
}

function featureIdsOf(message: DittoProtocolMessage, signal: ProtocolSignal | undefined): string | string[] | null {
  if (signal === undefined) return null;
  if (signal.kind === 'message' || signal.kind === 'messageResponse') return signal.featureId ?? null;
  if (signal.kind !== 'command' && signal.kind !== 'commandResponse' && signal.kind !== 'event') return null;
  const resource = signal.resource;
  if (resource.featureId !== undefined) return resource.featureId;
  if (resource.kind === 'features') return keysOrNull(message.value);
  if (resource.kind === 'thing' && THING_LEVEL_FEATURE_ACTIONS.has(signal.action) && isJsonObject(message.value)) {
    return keysOrNull(message.value['features']);
  }
  return null;
}

function keysOrNull(value: JsonValue | undefined): string[] | null {
  if (!isJsonObject(value)) return null;
  const keys = Object.keys(value);
  return keys.length > 0 ? keys : null;
}

function resourceTypeOf(topicPath: TopicPath): string {
  if (topicPath.criterion === 'messages') return 'message';
  switch (topicPath.group) {
    case 'things':
      return 'thing';
    case 'policies':
      return 'policy';
    case 'connections':
      return 'connection';
  }
}

function resourcePathOf(message: DittoProtocolMessage, signal: ProtocolSignal | undefined): string {
  if (signal && 'resource' in signal) return signal.resource.path;
  if (signal && 'path' in signal) return signal.path;
  return message.path.length === 0 ? '/' : message.path;
}

function tryParse<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}
