/** The parts of a Ditto Protocol topic path that `topic:` placeholders expose. */
export interface TopicPathParts {
  readonly namespace: string;
  readonly entityName: string;
  readonly group: string;
  /** `twin`, `live`, or `none` for policies and connections. */
  readonly channel: string;
  readonly criterion: string;
  /** Only for commands and events. */
  readonly action?: string;
  /** Search and streaming actions: part of `full`, but not an `action`. */
  readonly otherAction?: string;
  /** Messages, acks and announcements. */
  readonly subject?: string;
  /** The normalised path (Ditto's `TopicPath.getPath()`). */
  readonly full: string;
}

const GROUPS = new Set(['things', 'policies', 'connections']);
const CHANNELS = new Set(['twin', 'live', 'none']);
const CRITERIA = new Set(['commands', 'events', 'search', 'messages', 'errors', 'acks', 'announcements', 'streaming']);
const ACTIONS = new Set([
  'create', 'retrieve', 'modify', 'merge', 'delete', 'migrate',
  'created', 'modified', 'merged', 'migrated', 'deleted', 'checkPermissions',
]);
const SEARCH_ACTIONS = new Set(['subscribe', 'cancel', 'request', 'complete', 'created', 'failed', 'next', 'error']);
const STREAMING_ACTIONS = new Set(['subscribeForPersistedEvents', 'cancel', 'request', 'complete', 'created', 'failed', 'next', 'error']);

// Ditto's segmentation: split at `/` until two slashes meet; the rest (slashes included) is one segment.
function segmentsOf(topic: string): string[] {
  const segments: string[] = topic.startsWith('/') ? [''] : [];
  if (topic === '' || topic === '/') return segments;
  let start = topic.startsWith('/') ? 1 : 0;
  let end = topic.indexOf('/', start);
  while (end >= 0 && start !== end) {
    segments.push(topic.slice(start, end));
    start = end + 1;
    end = topic.indexOf('/', start);
  }
  if (start < topic.length) segments.push(topic.slice(start));
  return segments;
}

/** Parses a topic path (protocol.md §2); `undefined` when it is not a valid Ditto topic. */
export function parseTopicPath(topic: string): TopicPathParts | undefined {
  const [namespace, entityName, group, ...rest] = segmentsOf(topic);
  if (namespace === undefined || entityName === undefined || group === undefined || !GROUPS.has(group)) return undefined;
  let channel = 'none';
  if (group === 'things') {
    const name = rest.shift();
    if (name === undefined || !CHANNELS.has(name)) return undefined;
    channel = name;
  }
  const criterion = rest.shift();
  if (criterion === undefined || !CRITERIA.has(criterion)) return undefined;
  let action: string | undefined;
  let otherAction: string | undefined;
  let subject: string | undefined;
  if (criterion === 'commands' || criterion === 'events') {
    action = rest.shift();
    if (action === undefined || !ACTIONS.has(action)) return undefined;
  } else if (criterion === 'search' || criterion === 'streaming') {
    otherAction = rest.shift();
    const known = criterion === 'search' ? SEARCH_ACTIONS : STREAMING_ACTIONS;
    if (otherAction === undefined || !known.has(otherAction)) return undefined;
  } else if (criterion !== 'errors') {
    const joined = rest.join('/');
    subject = joined === '' ? undefined : joined;
  }
  const full = [namespace, entityName, group, channel === 'none' ? undefined : channel, criterion, action, otherAction, subject]
    .filter((part): part is string => part !== undefined)
    .join('/');
  return {
    namespace, entityName, group, channel, criterion, full,
    ...(action !== undefined ? { action } : {}),
    ...(otherAction !== undefined ? { otherAction } : {}),
    ...(subject !== undefined ? { subject } : {}),
  };
}
