import type { Connection, DittoProtocolMessage, Publisher } from '@twinlink/core';

/** One connection announcement to publish to the connection's announcement targets. */
export interface AnnouncementDelivery {
  readonly connection: Connection;
  readonly announcement: DittoProtocolMessage;
  /** The publisher of the client that announces; absent when the client has none running. */
  readonly publisher: Publisher | undefined;
}

/**
 * Where the engine hands connection announcements (management.md §9). The outbound pipeline
 * implements it (mapping, header mapping, publishing to every target subscribed to
 * `_/_/connections/announcements`); until then the default discards them.
 */
export interface AnnouncementSink {
  publish(delivery: AnnouncementDelivery): Promise<void>;
}

/** Discards announcements; used while no outbound pipeline is installed. */
export const DISCARDING_ANNOUNCEMENT_SINK: AnnouncementSink = {
  publish: async () => undefined,
};
