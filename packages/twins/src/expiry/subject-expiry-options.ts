/** How subject expiries and deletion announcements behave; defaults are Ditto's (`policies.conf`). */
export interface SubjectExpiryOptions {
  /** An `expiry` is rounded up to this, in ms; default 1 h (`subject-expiry-granularity`). */
  readonly expiryGranularityMs?: number;
  /** `announcement.beforeExpiry` is rounded up to this, in ms; default 1 min (`subject-deletion-announcement-granularity`). */
  readonly announcementGranularityMs?: number;
  /** A subject without `randomizationInterval` is announced up to this much earlier, at random; default 5 min. */
  readonly defaultRandomizationMs?: number;
  /** Unacknowledged announcements are retried until this long after the expiry or deletion; default 4 h. */
  readonly gracePeriodMs?: number;
  /** Source of uniform numbers in [0, 1) for randomization and backoff; injectable so tests are deterministic. */
  readonly random?: () => number;
}

/** {@link SubjectExpiryOptions} with every default applied. */
export type SubjectExpirySettings = Required<SubjectExpiryOptions>;

/** The options with Ditto's defaults for what is not given. */
export function subjectExpirySettings(options: SubjectExpiryOptions = {}): SubjectExpirySettings {
  return {
    expiryGranularityMs: options.expiryGranularityMs ?? 3_600_000,
    announcementGranularityMs: options.announcementGranularityMs ?? 60_000,
    defaultRandomizationMs: options.defaultRandomizationMs ?? 300_000,
    gracePeriodMs: options.gracePeriodMs ?? 4 * 3_600_000,
    random: options.random ?? Math.random,
  };
}
