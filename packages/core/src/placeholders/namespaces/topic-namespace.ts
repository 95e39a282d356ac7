import { parseTopicPath, topicPathToString } from '../../protocol/topic-path.js';
import type { TopicPath } from '../../protocol/topic-path.js';
import type { PlaceholderContext } from '../placeholder-context.js';
import type { PlaceholderNamespace, ValueLookup } from './placeholder-namespace.js';

// The last parsed topic: a message resolves several topic placeholders against the same topic.
let lastTopic: string | undefined;
let lastPath: TopicPath | undefined;

function pathOf(context: PlaceholderContext): TopicPath | undefined {
  const topic = context.topic;
  if (typeof topic !== 'string') return undefined;
  if (topic !== lastTopic) {
    try {
      lastPath = parseTopicPath(topic);
    } catch {
      lastPath = undefined;
    }
    lastTopic = topic;
  }
  return lastPath;
}

function part(read: (path: TopicPath) => string | undefined): ValueLookup {
  return (context) => {
    const path = pathOf(context);
    const value = path ? read(path) : undefined;
    return value === undefined ? [] : [value];
  };
}

// Commands and events have actions; search and streaming actions are not `topic:action` in Ditto.
const hasAction = (path: TopicPath) => path.criterion === 'commands' || path.criterion === 'events';

const LOOKUPS = new Map<string, ValueLookup>([
  ['full', part(topicPathToString)],
  ['namespace', part((p) => p.namespace)],
  ['entityName', part((p) => p.name)],
  ['group', part((p) => p.group)],
  ['channel', part((p) => p.channel ?? 'none')],
  ['criterion', part((p) => p.criterion)],
  ['action', part((p) => (hasAction(p) ? p.action : undefined))],
  ['subject', part((p) => p.subject)],
  ['action-subject', part((p) => p.subject ?? (hasAction(p) ? p.action : undefined))],
]);

/** `topic:<part>` from the topic path string of the context; an invalid topic resolves to nothing. */
export const topicNamespace: PlaceholderNamespace = {
  prefix: 'topic',
  contextKey: 'topic',
  compileName: (name) => LOOKUPS.get(name),
};
