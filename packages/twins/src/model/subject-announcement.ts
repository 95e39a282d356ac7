import { isJsonObject, ownValue } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';
import { policyEntryInvalid, subjectAnnouncementInvalid } from '../errors/policy-errors.js';
import type { DittoDuration } from './ditto-duration.js';
import { durationMs, formatDittoDuration, parseDittoDuration, roundUpDuration } from './ditto-duration.js';

/** The `announcement` settings of a subject, read from a stored policy. */
export interface SubjectAnnouncement {
  /** Announce this long before the subject's `expiry`. */
  readonly beforeExpiryMs?: number;
  /** Announce when the subject is deleted (by a command or by its expiry). */
  readonly whenDeleted: boolean;
  /** Labels of the acknowledgements the announcement requests (`requestedAcks.labels`). */
  readonly requestedAcks: readonly string[];
  /** How long to wait for them, as written (`requestedAcks.timeout`). */
  readonly ackTimeout?: string;
  /** Announce up to this much earlier, at random (`randomizationInterval`). */
  readonly randomizationMs?: number;
}

// Ditto accepts `beforeExpiry` in seconds, minutes or hours only.
const BEFORE_EXPIRY_UNITS: ReadonlySet<string> = new Set(['s', '', 'm', 'h']);

function duration(value: JsonValue | undefined, units?: ReadonlySet<string>): DittoDuration | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const parsed = typeof value === 'string' ? parseDittoDuration(value) : undefined;
  if (parsed === undefined || (units !== undefined && !units.has(parsed.unit))) throw subjectAnnouncementInvalid(text);
  return parsed;
}

function requestedAcksOf(subjectId: string, value: JsonValue | undefined): { labels: JsonValue[]; timeout: DittoDuration | undefined } {
  if (value === undefined) return { labels: [], timeout: undefined };
  const labels = isJsonObject(value) ? (ownValue(value, 'labels') ?? []) : undefined;
  if (!Array.isArray(labels)) throw policyEntryInvalid(`The 'requestedAcks' of the announcement of subject '${subjectId}' must be a JSON object with an array 'labels'.`);
  // Like Ditto, entries that are no strings are ignored.
  return { labels: labels.filter((label) => typeof label === 'string'), timeout: duration(ownValue(value as JsonObject, 'timeout')) };
}

/**
 * The `announcement` of a subject in Ditto's stored form — `beforeExpiry` rounded up to the
 * granularity, `whenDeleted` always present, empty parts left out.
 * @throws DittoError `policies:subjectannouncement.invalid` for unreadable durations, `policies:entry.invalid` for a wrong shape
 */
export function normalizedAnnouncement(subjectId: string, value: JsonValue, granularityMs: number): JsonObject {
  if (!isJsonObject(value)) throw policyEntryInvalid(`The 'announcement' of subject '${subjectId}' must be a JSON object.`);
  const beforeExpiry = duration(ownValue(value, 'beforeExpiry'), BEFORE_EXPIRY_UNITS);
  const whenDeleted = ownValue(value, 'whenDeleted') ?? false;
  if (typeof whenDeleted !== 'boolean') throw policyEntryInvalid(`The 'whenDeleted' of the announcement of subject '${subjectId}' must be a boolean.`);
  const { labels, timeout } = requestedAcksOf(subjectId, ownValue(value, 'requestedAcks'));
  const randomization = duration(ownValue(value, 'randomizationInterval'));
  const requestedAcks: JsonObject = { ...(labels.length > 0 ? { labels } : {}), ...(timeout !== undefined ? { timeout: formatDittoDuration(timeout) } : {}) };
  return {
    ...(beforeExpiry !== undefined ? { beforeExpiry: formatDittoDuration(roundUpDuration(beforeExpiry, granularityMs)) } : {}),
    whenDeleted,
    ...(Object.keys(requestedAcks).length > 0 ? { requestedAcks } : {}),
    ...(randomization !== undefined ? { randomizationInterval: formatDittoDuration(randomization) } : {}),
  };
}

function storedDurationMs(value: JsonValue | undefined): number | undefined {
  const parsed = typeof value === 'string' ? parseDittoDuration(value) : undefined;
  return parsed === undefined ? undefined : durationMs(parsed);
}

/** The announcement settings of a stored (validated) subject; `undefined` when it has none. */
export function announcementOf(subject: JsonObject): SubjectAnnouncement | undefined {
  const value = ownValue(subject, 'announcement');
  if (!isJsonObject(value)) return undefined;
  const acks = ownValue(value, 'requestedAcks');
  const labels = isJsonObject(acks) ? ownValue(acks, 'labels') : undefined;
  const ackTimeout = isJsonObject(acks) ? ownValue(acks, 'timeout') : undefined;
  const beforeExpiryMs = storedDurationMs(ownValue(value, 'beforeExpiry'));
  const randomizationMs = storedDurationMs(ownValue(value, 'randomizationInterval'));
  return {
    ...(beforeExpiryMs !== undefined ? { beforeExpiryMs } : {}),
    whenDeleted: ownValue(value, 'whenDeleted') === true,
    requestedAcks: Array.isArray(labels) ? labels.filter((label): label is string => typeof label === 'string') : [],
    ...(typeof ackTimeout === 'string' ? { ackTimeout } : {}),
    ...(randomizationMs !== undefined ? { randomizationMs } : {}),
  };
}
