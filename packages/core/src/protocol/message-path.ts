import { invalidPath } from './protocol-errors.js';

/** Direction of a live message: `inbox` = to the thing, `outbox` = from the thing. */
export type MessageDirection = 'inbox' | 'outbox';

/** A parsed live message path `[/features/<f>]/(inbox|outbox)/messages/<subject>` (protocol.md §6). */
export interface MessagePath {
  readonly direction: MessageDirection;
  readonly subject: string;
  /** Set for feature messages. */
  readonly featureId?: string;
}

/** The subject that may only be sent to a thing, never to a feature. */
export const CLAIM_SUBJECT = 'claim';

/**
 * Parses a live message path and checks it against the topic's subject.
 * @throws DittoError `protocoladapter:invalid.path` (400) for another shape, another subject or a feature-level claim
 */
export function parseMessagePath(path: string, topicSubject: string): MessagePath {
  let rest = path.startsWith('/') ? path.slice(1) : path;
  let featureId: string | undefined;
  if (rest.startsWith('features/')) {
    const slash = rest.indexOf('/', 9);
    if (slash <= 9) throw invalidPath(path);
    featureId = rest.slice(9, slash);
    rest = rest.slice(slash + 1);
  }
  let direction: MessageDirection;
  if (rest.startsWith('inbox/messages/')) direction = 'inbox';
  else if (rest.startsWith('outbox/messages/')) direction = 'outbox';
  else throw invalidPath(path);
  const subject = rest.slice(direction.length + 10);
  if (subject !== topicSubject || (featureId !== undefined && subject === CLAIM_SUBJECT)) throw invalidPath(path);
  return featureId === undefined ? { direction, subject } : { direction, subject, featureId };
}

/** Renders a message path. */
export function messagePathToString(message: MessagePath): string {
  const prefix = message.featureId === undefined ? '' : `/features/${message.featureId}`;
  return `${prefix}/${message.direction}/messages/${message.subject}`;
}
