import { isJsonObject, ownValue, setOwn } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';
import { RESOURCE_TYPES, isPermission } from '../auth/permissions.js';
import type { ResourceType } from '../auth/permissions.js';
import { parseResourceKey } from '../auth/policy-enforcer.js';
import { policyEntryInvalid } from '../errors/policy-errors.js';
import { normalizedAnnouncement } from './subject-announcement.js';
import { normalizedExpiry } from './subject-expiry.js';

/** What new or changed subjects are checked and rounded by: the time of the change and Ditto's granularities. */
export interface SubjectRules {
  /** The time of the change in ms; an `expiry` before it is refused. */
  readonly now: number;
  /** `expiry` is rounded up to this (Ditto's `subject-expiry-granularity`). */
  readonly expiryGranularityMs: number;
  /** `announcement.beforeExpiry` is rounded up to this (Ditto's `subject-deletion-announcement-granularity`). */
  readonly announcementGranularityMs: number;
}

/** The canonical form of a resource key (`thing:attributes/` → `thing:/attributes`); `undefined` when the type is unknown. */
export function normalizeResourceKey(key: string): string | undefined {
  const parsed = parseResourceKey(key);
  if (parsed === undefined || !RESOURCE_TYPES.includes(parsed.type as ResourceType)) return undefined;
  return `${parsed.type}:/${parsed.segments.join('/')}`;
}

function checkPermissionList(value: JsonValue | undefined, key: string, effect: string): JsonValue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isPermission)) {
    throw policyEntryInvalid(`The '${effect}' of resource '${key}' must be an array of the permissions READ and WRITE.`);
  }
  return value;
}

/** A validated resource entry `{grant, revoke}`. */
export function validateResource(key: string, value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw policyEntryInvalid(`The resource '${key}' must be a JSON object with 'grant' and 'revoke'.`);
  return { grant: checkPermissionList(ownValue(value, 'grant'), key, 'grant'), revoke: checkPermissionList(ownValue(value, 'revoke'), key, 'revoke') };
}

/** Validated resources with canonical keys. */
export function validateResources(value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw policyEntryInvalid("The 'resources' of a policy entry must be a JSON object.");
  const resources: JsonObject = {};
  for (const key of Object.keys(value)) {
    const canonical = normalizeResourceKey(key);
    if (canonical === undefined) throw policyEntryInvalid(`The resource key '${key}' is invalid: it must be 'thing:/…', 'policy:/…' or 'message:/…'.`);
    setOwn(resources, canonical, validateResource(key, value[key] as JsonValue));
  }
  return resources;
}

/** A validated subject `{type, …}`, its `expiry` and `announcement` (if any) in Ditto's rounded stored form. */
export function validateSubject(subjectId: string, value: JsonValue, rules: SubjectRules): JsonObject {
  if (subjectId.length === 0) throw policyEntryInvalid('A subject id must not be empty.');
  if (!isJsonObject(value) || typeof ownValue(value, 'type') !== 'string') {
    throw policyEntryInvalid(`The subject '${subjectId}' must be a JSON object with a string 'type'.`);
  }
  const expiry = normalizedExpiry(value, rules.expiryGranularityMs, rules.now);
  const announcement = ownValue(value, 'announcement');
  if (expiry === undefined && announcement === undefined) return value;
  const subject: JsonObject = { ...value };
  if (expiry !== undefined) setOwn(subject, 'expiry', expiry);
  if (announcement !== undefined) setOwn(subject, 'announcement', normalizedAnnouncement(subjectId, announcement, rules.announcementGranularityMs));
  return subject;
}

/** Validated subjects. */
export function validateSubjects(value: JsonValue, rules: SubjectRules): JsonObject {
  if (!isJsonObject(value)) throw policyEntryInvalid("The 'subjects' of a policy entry must be a JSON object.");
  const subjects: JsonObject = {};
  for (const subjectId of Object.keys(value)) setOwn(subjects, subjectId, validateSubject(subjectId, value[subjectId] as JsonValue, rules));
  return subjects;
}

/** A validated policy entry: `subjects` and `resources` (other members such as `importable` are kept). */
export function validateEntry(label: string, value: JsonValue, rules: SubjectRules): JsonObject {
  if (label.length === 0) throw policyEntryInvalid('A policy entry label must not be empty.');
  if (!isJsonObject(value)) throw policyEntryInvalid(`The policy entry '${label}' must be a JSON object.`);
  const entry: JsonObject = { ...value };
  setOwn(entry, 'subjects', validateSubjects(ownValue(value, 'subjects') ?? {}, rules));
  setOwn(entry, 'resources', validateResources(ownValue(value, 'resources') ?? {}));
  return entry;
}

/** Validated entries. */
export function validateEntries(value: JsonValue, rules: SubjectRules): JsonObject {
  if (!isJsonObject(value)) throw policyEntryInvalid("The 'entries' of a policy must be a JSON object.");
  const entries: JsonObject = {};
  for (const label of Object.keys(value)) setOwn(entries, label, validateEntry(label, value[label] as JsonValue, rules));
  return entries;
}

/**
 * The stored form of a policy: `policyId`, validated `entries` and any `imports` (kept, not evaluated).
 * @throws DittoError `policies:entry.invalid`, `policies:subjectexpiry.invalid`, `policies:subjectannouncement.invalid` (400)
 */
export function normalizePolicy(value: JsonValue, policyId: string, rules: SubjectRules): JsonObject {
  if (!isJsonObject(value)) throw policyEntryInvalid('A policy must be a JSON object.');
  const policy: JsonObject = { policyId, entries: validateEntries(ownValue(value, 'entries') ?? {}, rules) };
  const imports = ownValue(value, 'imports');
  if (imports !== undefined) setOwn(policy, 'imports', imports);
  return policy;
}
