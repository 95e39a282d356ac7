import type { DittoProtocolMessage } from './envelope.js';

/** Names of the announcements a connection publishes about itself. */
export type ConnectionAnnouncementName = 'opened' | 'closed';

/**
 * A connection announcement (protocol.md §8): topic `_/<connectionId>/connections/announcements/<name>`,
 * path `/`, value `{"openedAt": …}` or `{"closedAt": …}`, header `content-type: application/json`.
 */
export function connectionAnnouncement(connectionId: string, name: ConnectionAnnouncementName, at: Date): DittoProtocolMessage {
  const key = name === 'opened' ? 'openedAt' : 'closedAt';
  return {
    topic: `_/${connectionId}/connections/announcements/${name}`,
    headers: { 'content-type': 'application/json' },
    path: '/',
    value: { [key]: at.toISOString() },
  };
}
