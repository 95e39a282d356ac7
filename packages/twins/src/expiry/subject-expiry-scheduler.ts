import { randomUUID } from 'node:crypto';
import { BackoffPolicy } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import type { PolicyAnnouncement } from '../engine/policy-announcement.js';
import { subjectDeletionAnnouncement } from '../engine/policy-announcement.js';
import type { PolicyRecord } from '../store/twin-store.js';
import { DeadlineTimer } from './deadline-timer.js';
import type { SubjectExpirySettings } from './subject-expiry-options.js';
import type { TrackedSubject } from './tracked-subjects.js';
import { subjectIdsOf, trackedSubjects } from './tracked-subjects.js';
import type { TwinTimers } from './twin-timers.js';

/** What the scheduler works with. */
export interface SubjectExpirySchedulerDeps {
  readonly settings: SubjectExpirySettings;
  readonly timers: TwinTimers;
  /** The time in ms. */
  readonly now: () => number;
  /** Publishes an announcement; resolves `true` once it is acknowledged. */
  readonly announce: (announcement: PolicyAnnouncement) => Promise<boolean>;
  /** Removes expired subjects from their policy; the write comes back through {@link SubjectExpiryScheduler.policyWritten}. */
  readonly deleteExpired: (policyId: string, subjects: readonly TrackedSubject[]) => Promise<void>;
}

/** What the scheduler knows about one subject of one policy (Ditto's `SubjectExpiryActor`). */
interface SubjectTrack {
  readonly subject: TrackedSubject;
  /** When to announce: the `beforeExpiry` instant, a retry, or now after a deletion. */
  announceAt?: number;
  /** When to delete the subject: its expiry, or a retry after a failed write; absent while deleting and once deleted. */
  deleteAt?: number;
  /** When the subject left the policy. */
  deletedAt?: number;
  inFlight: boolean;
  acknowledged: boolean;
  /** Present once an announcement failed. */
  backoff?: BackoffPolicy;
}

// A failed expiry write is tried again after this.
const DELETE_RETRY_MS = 1_000;
const ANNOUNCE_BACKOFF = { minMs: 1_000, maxMs: 3_600_000 };

/**
 * Expires policy subjects and publishes their `subjectDeletion` announcements, like Ditto's policy
 * announcement manager: an `expiry` deletes the subject at that instant; `beforeExpiry` announces
 * that long (minus a random part of `randomizationInterval`) before; `whenDeleted` announces a
 * deletion by command or expiry unless an earlier announcement was acknowledged; an announcement
 * whose requested acknowledgements fail is published again with backoff until the grace period after
 * the expiry or deletion ends. State exists only for subjects with an expiry (and pending
 * announcements); all policies share one timer. Subjects are deleted at their expiry even while an
 * announcement still waits for acknowledgements.
 */
export class SubjectExpiryScheduler {
  private readonly policies = new Map<string, Map<string, SubjectTrack>>();
  private readonly deadlines: DeadlineTimer;
  private stopped = false;

  constructor(private readonly deps: SubjectExpirySchedulerDeps) {
    this.deadlines = new DeadlineTimer(deps.timers, deps.now, (policyId) => this.wake(policyId));
  }

  /** Schedules the subjects of stored policies, after a restart. */
  load(records: Iterable<PolicyRecord>): void {
    for (const record of records) this.policyWritten(record, undefined);
  }

  /** Follows a durable policy write: new subjects are scheduled, changed ones replaced, deleted ones announced. */
  policyWritten(record: PolicyRecord, previous: JsonObject | undefined): void {
    if (this.stopped) return;
    const { policyId } = record;
    const now = this.deps.now();
    const next = trackedSubjects(record.policy);
    const ids = subjectIdsOf(record.policy);
    const tracks = this.policies.get(policyId) ?? new Map<string, SubjectTrack>();
    const gone = new Map<string, TrackedSubject>();
    for (const subject of trackedSubjects(previous).values()) if (!ids.has(subject.subjectId)) gone.set(subject.key, subject);
    for (const [key, track] of tracks) {
      if (next.has(key) || track.deletedAt !== undefined) continue;
      // A subject whose settings changed is replaced silently by its new self, as in Ditto.
      if (ids.has(track.subject.subjectId)) tracks.delete(key);
      else gone.set(key, track.subject);
    }
    for (const subject of gone.values()) this.subjectDeleted(tracks, subject, now);
    for (const subject of next.values()) {
      const track = tracks.get(subject.key);
      // A subject added again replaces what is left of its deleted self.
      if (subject.expiry !== undefined && (track === undefined || track.deletedAt !== undefined)) tracks.set(subject.key, this.newTrack(subject));
    }
    this.policies.set(policyId, tracks);
    this.reschedule(policyId);
  }

  /** Cancels every timer; announcements in flight are forgotten. */
  stop(): void {
    this.stopped = true;
    this.deadlines.stop();
    this.policies.clear();
  }

  private newTrack(subject: TrackedSubject): SubjectTrack {
    const track: SubjectTrack = { subject, inFlight: false, acknowledged: false, ...(subject.expiry !== undefined ? { deleteAt: subject.expiry } : {}) };
    const beforeExpiry = subject.announcement?.beforeExpiryMs;
    if (beforeExpiry !== undefined && subject.expiry !== undefined) {
      // Spread over the randomization interval so that many subjects expiring together are not announced in one burst.
      const interval = subject.announcement?.randomizationMs ?? this.deps.settings.defaultRandomizationMs;
      track.announceAt = subject.expiry - beforeExpiry - Math.floor(this.deps.settings.random() * interval);
    }
    return track;
  }

  private subjectDeleted(tracks: Map<string, SubjectTrack>, subject: TrackedSubject, now: number): void {
    const track = tracks.get(subject.key) ?? { subject, inFlight: false, acknowledged: false };
    track.deletedAt = now;
    delete track.deleteAt;
    if (subject.announcement?.whenDeleted === true && !track.acknowledged && !track.inFlight) track.announceAt = now;
    // A `beforeExpiry` announcement that is not due yet is moot once the subject is gone; a retry is not.
    else if (track.backoff === undefined) delete track.announceAt;
    if (track.inFlight || track.announceAt !== undefined) tracks.set(subject.key, track);
    else tracks.delete(subject.key);
  }

  private wake(policyId: string): void {
    const tracks = this.policies.get(policyId);
    if (tracks === undefined) return;
    const now = this.deps.now();
    const expired: SubjectTrack[] = [];
    for (const track of tracks.values()) {
      if (!track.inFlight && track.announceAt !== undefined && track.announceAt <= now) this.announce(policyId, track, now);
      if (track.deleteAt !== undefined && track.deleteAt <= now) {
        delete track.deleteAt;
        expired.push(track);
      }
    }
    if (expired.length > 0) {
      const subjects = expired.map((track) => track.subject);
      this.deps.deleteExpired(policyId, subjects).then(
        () => this.expiredWritten(policyId, expired),
        () => this.expiredFailed(policyId, expired),
      );
    }
    this.reschedule(policyId);
  }

  /** After the expiry write: a track the write did not delete names a subject that was gone already. */
  private expiredWritten(policyId: string, expired: readonly SubjectTrack[]): void {
    const tracks = this.policies.get(policyId);
    if (tracks === undefined) return;
    for (const track of expired) if (tracks.get(track.subject.key) === track && track.deletedAt === undefined && !track.inFlight) tracks.delete(track.subject.key);
    this.reschedule(policyId);
  }

  private expiredFailed(policyId: string, expired: readonly SubjectTrack[]): void {
    const tracks = this.policies.get(policyId);
    if (tracks === undefined) return;
    const retryAt = this.deps.now() + DELETE_RETRY_MS;
    for (const track of expired) if (tracks.get(track.subject.key) === track && track.deletedAt === undefined) track.deleteAt = retryAt;
    this.reschedule(policyId);
  }

  private announce(policyId: string, track: SubjectTrack, now: number): void {
    track.inFlight = true;
    delete track.announceAt;
    const { subject } = track;
    const deleteAt = track.deletedAt ?? subject.expiry ?? now;
    const announcement = subjectDeletionAnnouncement(policyId, subject.subjectId, deleteAt, subject.announcement, randomUUID());
    this.deps.announce(announcement).then(
      (acknowledged) => this.announced(policyId, track, acknowledged),
      () => this.announced(policyId, track, false),
    );
  }

  private announced(policyId: string, track: SubjectTrack, acknowledged: boolean): void {
    track.inFlight = false;
    const tracks = this.policies.get(policyId);
    if (tracks?.get(track.subject.key) !== track) return;
    if (acknowledged) track.acknowledged = true;
    else this.retryLater(track);
    if (track.deletedAt !== undefined && track.announceAt === undefined) tracks.delete(track.subject.key);
    this.reschedule(policyId);
  }

  private retryLater(track: SubjectTrack): void {
    const { settings } = this.deps;
    track.backoff ??= new BackoffPolicy({ ...ANNOUNCE_BACKOFF, random: settings.random });
    const now = this.deps.now();
    const at = now + (track.backoff.next() ?? 0);
    const expiration = track.subject.expiry ?? track.deletedAt ?? now;
    if (at < expiration + settings.gracePeriodMs) track.announceAt = at;
  }

  private reschedule(policyId: string): void {
    const tracks = this.policies.get(policyId);
    let next = Number.POSITIVE_INFINITY;
    for (const track of tracks?.values() ?? []) {
      if (!track.inFlight && track.announceAt !== undefined) next = Math.min(next, track.announceAt);
      if (track.deleteAt !== undefined) next = Math.min(next, track.deleteAt);
    }
    if (tracks !== undefined && tracks.size === 0) this.policies.delete(policyId);
    if (next === Number.POSITIVE_INFINITY) this.deadlines.delete(policyId);
    else this.deadlines.set(policyId, next);
  }
}
