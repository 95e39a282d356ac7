import { isJsonObject, ownValue, setOwn } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import type { SubjectAnnouncement } from '../model/subject-announcement.js';
import { announcementOf } from '../model/subject-announcement.js';
import { expiryOf } from '../model/subject-expiry.js';

/** A subject with an `expiry` or an `announcement`, as one policy holds it. */
export interface TrackedSubject {
  /** Id and settings: the same subject in several entries is one, a changed one is another (Ditto's `Subject` equality). */
  readonly key: string;
  readonly subjectId: string;
  readonly expiry?: number;
  readonly announcement?: SubjectAnnouncement;
}

function subjectsOf(entry: JsonObject): JsonObject | undefined {
  const subjects = ownValue(entry, 'subjects');
  return isJsonObject(subjects) ? subjects : undefined;
}

/** Calls `visit` for every subject of every entry of a policy. */
export function forEachSubject(policy: JsonObject | undefined, visit: (subjectId: string, subject: JsonObject) => void): void {
  const entries = policy === undefined ? undefined : ownValue(policy, 'entries');
  if (!isJsonObject(entries)) return;
  for (const entry of Object.values(entries)) {
    const subjects = isJsonObject(entry) ? subjectsOf(entry) : undefined;
    if (subjects === undefined) continue;
    for (const subjectId of Object.keys(subjects)) {
      const subject = subjects[subjectId];
      if (isJsonObject(subject)) visit(subjectId, subject);
    }
  }
}

/** The key of a subject: its id and its JSON. */
export function subjectKey(subjectId: string, subject: JsonObject): string {
  return `${subjectId}\u0000${JSON.stringify(subject)}`;
}

/** The subjects of a policy with an expiry or announcement, by key; empty for a deleted policy. */
export function trackedSubjects(policy: JsonObject | undefined): Map<string, TrackedSubject> {
  const tracked = new Map<string, TrackedSubject>();
  forEachSubject(policy, (subjectId, subject) => {
    const expiry = expiryOf(subject);
    const announcement = announcementOf(subject);
    if (expiry === undefined && announcement === undefined) return;
    const key = subjectKey(subjectId, subject);
    tracked.set(key, { key, subjectId, ...(expiry !== undefined ? { expiry } : {}), ...(announcement !== undefined ? { announcement } : {}) });
  });
  return tracked;
}

/** Every subject id a policy names. */
export function subjectIdsOf(policy: JsonObject | undefined): Set<string> {
  const ids = new Set<string>();
  forEachSubject(policy, (subjectId) => ids.add(subjectId));
  return ids;
}

/** Whether a policy has a subject with an `expiry` (what the scheduler must know about after a restart). */
export function hasExpiringSubject(policy: JsonObject | undefined): boolean {
  let found = false;
  forEachSubject(policy, (_subjectId, subject) => {
    found ||= ownValue(subject, 'expiry') !== undefined;
  });
  return found;
}

/** The entry without the subjects whose key is listed; the same object when it holds none of them. */
function entryWithoutSubjects(entry: JsonObject, keys: ReadonlySet<string>): JsonObject {
  const subjects = subjectsOf(entry);
  if (subjects === undefined) return entry;
  const kept: JsonObject = {};
  let removed = false;
  for (const subjectId of Object.keys(subjects)) {
    const subject = subjects[subjectId];
    if (isJsonObject(subject) && keys.has(subjectKey(subjectId, subject))) removed = true;
    else setOwn(kept, subjectId, subject);
  }
  if (!removed) return entry;
  const next: JsonObject = { ...entry };
  setOwn(next, 'subjects', kept);
  return next;
}

/** The policy without the subjects whose key is listed, from every entry; the same object when it holds none of them. */
export function policyWithoutSubjects(policy: JsonObject, keys: ReadonlySet<string>): JsonObject {
  const entries = ownValue(policy, 'entries');
  if (!isJsonObject(entries) || keys.size === 0) return policy;
  const nextEntries: JsonObject = {};
  let changed = false;
  for (const label of Object.keys(entries)) {
    const entry = entries[label];
    const next = isJsonObject(entry) ? entryWithoutSubjects(entry, keys) : entry;
    changed ||= next !== entry;
    setOwn(nextEntries, label, next);
  }
  if (!changed) return policy;
  const result: JsonObject = { ...policy };
  setOwn(result, 'entries', nextEntries);
  return result;
}

/** The policy as it will be once every subject with an `expiry` is gone. */
export function lastingPolicy(policy: JsonObject): JsonObject {
  const expiring = [...trackedSubjects(policy).values()].filter((subject) => subject.expiry !== undefined);
  return policyWithoutSubjects(policy, new Set(expiring.map((subject) => subject.key)));
}
