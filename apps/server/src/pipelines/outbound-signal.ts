import type { DittoProtocolMessage, TopicKind } from '@twinlink/core';

/** A signal on its way to the targets of the running connections. */
export interface OutboundSignal {
  /** The full signal; targets see it reduced by {@link viewFor} when that is given. */
  readonly message: DittoProtocolMessage;
  readonly kind: TopicKind;
  readonly thingId?: string;
  readonly namespace?: string;
  /**
   * Subjects that may READ (all or part of) the signal and those explicitly revoked; absent for
   * connection announcements, which skip the READ check (README outbound step 2a); the announced
   * subjects for policy announcements.
   */
  readonly readGranted?: readonly string[];
  readonly readRevoked?: readonly string[];
  /** The signal as the given subjects may see it; `undefined` when nothing is readable. */
  viewFor?(subjects: readonly string[]): DittoProtocolMessage | undefined;
  /** Publish to this connection only (its own announcements). */
  readonly onlyConnection?: string;
}

/** Whether one of the target's subjects may read the signal and none is revoked. */
export function isReadable(signal: OutboundSignal, subjects: readonly string[]): boolean {
  const { readGranted, readRevoked } = signal;
  if (readGranted === undefined) return true;
  if (readRevoked !== undefined && readRevoked.length > 0 && subjects.some((subject) => readRevoked.includes(subject))) return false;
  return subjects.some((subject) => readGranted.includes(subject));
}
