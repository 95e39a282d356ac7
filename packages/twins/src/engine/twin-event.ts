import type { DittoProtocolMessage } from '@twinlink/core';
import type { PolicyEnforcer } from '../auth/policy-enforcer.js';

interface ReadSubjects {
  readonly granted: readonly string[];
  readonly revoked: readonly string[];
  readonly partial: readonly string[];
}

/**
 * A twin event as delivered to subscribers, with what the outbound pipeline needs for its per-target
 * READ check: the subjects that may read (all or part of) it, those explicitly revoked, and a
 * {@link TwinEvent.viewFor | view} reduced to the fields a given set of subjects may read. The
 * subject sets are computed on first access against the policy in force when the event happened.
 */
export class TwinEvent {
  private subjects?: ReadSubjects;

  /**
   * @param event the full event envelope (shared; treat as immutable)
   * @param thingId the thing the event is about
   * @param enforcer the thing's policy at the time of the event
   * @param segments the event's path as segments
   */
  constructor(
    readonly event: DittoProtocolMessage,
    readonly thingId: string,
    private readonly enforcer: PolicyEnforcer,
    private readonly segments: readonly string[],
  ) {}

  /** Subjects that may READ the event or a part of it (Ditto's `ditto-read-subjects`). */
  get readGrantedSubjects(): readonly string[] {
    return this.classify().granted;
  }

  /** Subjects under a READ revoke on the event's path that may read nothing of it (`ditto-read-revoked-subjects`). */
  get readRevokedSubjects(): readonly string[] {
    return this.classify().revoked;
  }

  /** The read-granted subjects that see only a part of the event (use {@link viewFor} for them). */
  get partialSubjects(): readonly string[] {
    return this.classify().partial;
  }

  /**
   * The event as the given subjects (together, like one authorization context) may see it: the event
   * itself, a copy with `value` reduced to the readable fields, or `undefined` when nothing is readable.
   */
  viewFor(subjects: readonly string[]): DittoProtocolMessage | undefined {
    const { enforcer, segments, event } = this;
    if (enforcer.hasUnrestricted('thing', segments, subjects, 'READ')) return event;
    if (!enforcer.hasPartial('thing', segments, subjects, 'READ')) return undefined;
    if (event.value === undefined) return event;
    const value = enforcer.view('thing', segments, event.value, subjects, 'READ');
    return value === undefined ? undefined : { ...event, value };
  }

  private classify(): ReadSubjects {
    if (this.subjects !== undefined) return this.subjects;
    const granted: string[] = [];
    const revoked: string[] = [];
    const partial: string[] = [];
    for (const subject of this.enforcer.subjectIds) {
      const one = [subject];
      if (this.enforcer.hasUnrestricted('thing', this.segments, one, 'READ')) {
        granted.push(subject);
      } else if (this.enforcer.hasPartial('thing', this.segments, one, 'READ')) {
        granted.push(subject);
        partial.push(subject);
      } else if (this.enforcer.isRevoked('thing', this.segments, subject, 'READ')) {
        revoked.push(subject);
      }
    }
    this.subjects = { granted, revoked, partial };
    return this.subjects;
  }
}

/** A subscriber of twin events; called synchronously, in revision order per thing, after the change is durable. */
export type TwinEventListener = (event: TwinEvent) => void;
