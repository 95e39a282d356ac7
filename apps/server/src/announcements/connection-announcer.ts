import { connectionAnnouncement, topicKindOf } from '@twinlink/core';
import type { Connection, Publisher } from '@twinlink/core';
import type { AnnouncementSink } from './announcement-sink.js';

/** Whether any target of the connection subscribes to its own announcements. */
export function announcesItself(connection: Connection): boolean {
  return connection.targets.some((target) => target.topics.some((topic) => topicKindOf(topic)?.kind === 'connection-announcements'));
}

/** Time as the announcer needs it; injectable for tests. */
export interface AnnouncerClock {
  now(): Date;
  delay(ms: number): Promise<void>;
}

const REAL_CLOCK: AnnouncerClock = {
  now: () => new Date(),
  delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

/**
 * Produces a connection's opened and closed announcements (management.md §9) for connections
 * with an announcement target: *opened* after every (re)connect, *closed* on a graceful disconnect,
 * followed by `disconnectAnnouncementMs` so it can leave before the client disconnects. A failing
 * sink never stops a connect or a disconnect.
 */
export class ConnectionAnnouncer {
  constructor(
    private readonly sink: AnnouncementSink,
    private readonly disconnectAnnouncementMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly clock: AnnouncerClock = REAL_CLOCK,
  ) {}

  async opened(connection: Connection, publisher: Publisher | undefined): Promise<void> {
    if (!announcesItself(connection)) return;
    await this.sink.publish({ connection, announcement: connectionAnnouncement(connection.id, 'opened', this.clock.now()), publisher }).catch(this.onError);
  }

  async closed(connection: Connection, publisher: Publisher | undefined): Promise<void> {
    if (!announcesItself(connection)) return;
    await this.sink.publish({ connection, announcement: connectionAnnouncement(connection.id, 'closed', this.clock.now()), publisher }).catch(this.onError);
    await this.clock.delay(this.disconnectAnnouncementMs);
  }
}
