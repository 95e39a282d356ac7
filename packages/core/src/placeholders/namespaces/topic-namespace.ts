import type { PlaceholderContext } from '../placeholder-context.js';
import type { PlaceholderNamespace, ValueLookup } from './placeholder-namespace.js';
import { parseTopicPath } from './topic-path.js';
import type { TopicPathParts } from './topic-path.js';

// The last parsed topic: a message resolves several topic placeholders against the same topic.
let lastTopic: string | undefined;
let lastParts: TopicPathParts | undefined;

function partsOf(context: PlaceholderContext): TopicPathParts | undefined {
  const topic = context.topic;
  if (typeof topic !== 'string') return undefined;
  if (topic !== lastTopic) {
    lastParts = parseTopicPath(topic);
    lastTopic = topic;
  }
  return lastParts;
}

function part(read: (parts: TopicPathParts) => string | undefined): ValueLookup {
  return (context) => {
    const parts = partsOf(context);
    const value = parts ? read(parts) : undefined;
    return value === undefined ? [] : [value];
  };
}

const LOOKUPS = new Map<string, ValueLookup>([
  ['full', part((p) => p.full)],
  ['namespace', part((p) => p.namespace)],
  ['entityName', part((p) => p.entityName)],
  ['group', part((p) => p.group)],
  ['channel', part((p) => p.channel)],
  ['criterion', part((p) => p.criterion)],
  ['action', part((p) => p.action)],
  ['subject', part((p) => p.subject)],
  ['action-subject', part((p) => p.subject ?? p.action)],
]);

/** `topic:<part>` from the topic path string of the context; an invalid topic resolves to nothing. */
export const topicNamespace: PlaceholderNamespace = {
  prefix: 'topic',
  contextKey: 'topic',
  compileName: (name) => LOOKUPS.get(name),
};
