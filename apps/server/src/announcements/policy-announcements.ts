import type { AnnouncementOutcome, PolicyAnnouncement, TwinEngine } from '@twinlink/twins';
import type { AckBus } from '../pipelines/ack-bus.js';
import { AckCollector } from '../pipelines/ack-collector.js';
import type { OutboundPipeline } from '../pipelines/outbound-pipeline.js';
import type { OutboundSignal } from '../pipelines/outbound-signal.js';

/**
 * The outbound form of a policy announcement. Its subjects are its only readers, so the READ check
 * routes it by subject: a target gets it when its authorization context names one of them
 * (rql-and-topics.md §1).
 */
export function policyAnnouncementSignal(announcement: PolicyAnnouncement): OutboundSignal {
  return { message: announcement.message, kind: 'policy-announcements', namespace: announcement.namespace, readGranted: announcement.subjectIds };
}

/** Ditto publishes an announcement again when an acknowledgement timed out (408), failed a dependency (424) or failed on the server. */
function requiresRedelivery(status: number): boolean {
  return status === 408 || status === 424 || status >= 500;
}

/**
 * Publishes the twin engine's policy announcements (protocol.md §8) through the outbound pipeline
 * to the targets subscribed to `_/_/policies/announcements`. When the subject's announcement
 * requests acknowledgements, the targets' issued acknowledgements are collected and a failed or
 * missing one makes the engine publish the announcement again later.
 */
export function deliverPolicyAnnouncements(twins: TwinEngine, outbound: OutboundPipeline, acks: AckBus): void {
  twins.subscribeAnnouncements(async (announcement): Promise<AnnouncementOutcome> => {
    const correlationId = String(announcement.message.headers['correlation-id']);
    const collector = announcement.requestedAcks.length > 0 ? new AckCollector(announcement.requestedAcks, correlationId, acks, announcement.ackTimeoutMs) : undefined;
    await outbound.dispatch(policyAnnouncementSignal(announcement));
    const collected = await collector?.result();
    return collected?.entries.some((entry) => requiresRedelivery(entry.status)) === true ? 'redeliver' : 'acknowledged';
  });
}
