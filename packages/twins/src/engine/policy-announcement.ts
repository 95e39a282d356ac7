import { MAX_TIMEOUT_MS, splitNamespacedId } from '@twinlink/core';
import type { DittoProtocolMessage, HeaderValue } from '@twinlink/core';
import { durationMs, parseDittoDuration } from '../model/ditto-duration.js';
import type { SubjectAnnouncement } from '../model/subject-announcement.js';
import { instantText } from '../model/subject-expiry.js';

/**
 * A policy announcement as delivered to subscribers: Ditto's `subjectDeletion` announcement
 * (topic `<ns>/<name>/policies/announcements/subjectDeletion`, path `/`, value
 * `{"deleteAt", "subjectIds"}`), for the subscribers acting as one of the announced subjects.
 */
export interface PolicyAnnouncement {
  /** The Ditto Protocol message; its `correlation-id` is new for every (re)delivery. */
  readonly message: DittoProtocolMessage;
  readonly policyId: string;
  /** The namespace of the policy id. */
  readonly namespace: string;
  /** The subjects the announcement is for, and the only ones who should receive it. */
  readonly subjectIds: readonly string[];
  /** Acknowledgement labels requested by the subject's `announcement.requestedAcks` (also in the `requested-acks` header). */
  readonly requestedAcks: readonly string[];
  /** How long to wait for them: `requestedAcks.timeout`, at most and by default 60 s. */
  readonly ackTimeoutMs: number;
}

/**
 * What a subscriber made of an announcement: `redeliver` when a requested acknowledgement failed
 * or timed out (Ditto: 408, 424 or 5xx), so the engine publishes it again after a backoff.
 */
export type AnnouncementOutcome = 'acknowledged' | 'redeliver';

/**
 * A subscriber of policy announcements. Resolving with nothing counts as acknowledged; a rejection
 * counts as `redeliver`.
 */
export type PolicyAnnouncementListener = (announcement: PolicyAnnouncement) => Promise<AnnouncementOutcome | void> | AnnouncementOutcome | void;

function ackTimeoutMs(text: string | undefined): number {
  const parsed = text === undefined ? undefined : parseDittoDuration(text);
  return parsed === undefined ? MAX_TIMEOUT_MS : Math.min(durationMs(parsed), MAX_TIMEOUT_MS);
}

/** The `subjectDeletion` announcement of one subject that is deleted at `deleteAt` (ms). */
export function subjectDeletionAnnouncement(policyId: string, subjectId: string, deleteAt: number, settings: SubjectAnnouncement | undefined, correlationId: string): PolicyAnnouncement {
  const id = splitNamespacedId(policyId) ?? { namespace: '', name: policyId };
  const requestedAcks = settings?.requestedAcks ?? [];
  const headers: Record<string, HeaderValue> = { 'correlation-id': correlationId };
  if (requestedAcks.length > 0) {
    headers['requested-acks'] = [...requestedAcks];
    if (settings?.ackTimeout !== undefined) headers['timeout'] = settings.ackTimeout;
  }
  return {
    message: {
      topic: `${id.namespace}/${id.name}/policies/announcements/subjectDeletion`,
      headers,
      path: '/',
      value: { deleteAt: instantText(deleteAt), subjectIds: [subjectId] },
    },
    policyId,
    namespace: id.namespace,
    subjectIds: [subjectId],
    requestedAcks,
    ackTimeoutMs: ackTimeoutMs(settings?.ackTimeout),
  };
}
