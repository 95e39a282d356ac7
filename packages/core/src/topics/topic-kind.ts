/**
 * The kinds of outbound signals a target topic subscribes to:
 * `twin-events` (`_/_/things/twin/events`), `live-events` (`_/_/things/live/events`),
 * `live-commands` (`_/_/things/live/commands`), `live-messages` (`_/_/things/live/messages`),
 * `policy-announcements` (`_/_/policies/announcements`),
 * `connection-announcements` (`_/_/connections/announcements`).
 * @public
 */
export type TopicKind =
  | 'twin-events'
  | 'live-events'
  | 'live-commands'
  | 'live-messages'
  | 'policy-announcements'
  | 'connection-announcements';

/** What a topic kind keeps of the `namespaces`/`filter`/`extraFields` parameters. */
export interface TopicKindInfo {
  readonly kind: TopicKind;
  /** The topic string as written in a target. */
  readonly topic: string;
  readonly namespaces: boolean;
  readonly filter: boolean;
  readonly extraFields: boolean;
}

const THING_TOPIC = { namespaces: true, filter: true, extraFields: true } as const;

const KINDS: readonly TopicKindInfo[] = [
  { kind: 'twin-events', topic: '_/_/things/twin/events', ...THING_TOPIC },
  { kind: 'live-messages', topic: '_/_/things/live/messages', ...THING_TOPIC },
  { kind: 'live-commands', topic: '_/_/things/live/commands', ...THING_TOPIC },
  { kind: 'live-events', topic: '_/_/things/live/events', ...THING_TOPIC },
  { kind: 'policy-announcements', topic: '_/_/policies/announcements', namespaces: true, filter: false, extraFields: false },
  { kind: 'connection-announcements', topic: '_/_/connections/announcements', namespaces: false, filter: false, extraFields: false },
];

/** The kind for an exact topic string (case-sensitive), or `undefined`. */
export function topicKindOf(topic: string): TopicKindInfo | undefined {
  return KINDS.find((k) => k.topic === topic);
}

/** The topic string of a kind. */
export function topicOfKind(kind: TopicKind): string {
  return KINDS.find((k) => k.kind === kind)?.topic ?? '';
}
