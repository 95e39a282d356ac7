import { unknownPath, unsupportedTopicAndPath } from '@twinlink/core';
import type { DittoError, JsonObject, JsonValue } from '@twinlink/core';
import { entryNotAccessible, policyEntryInvalid, policyNotAccessible, resourceNotAccessible, subjectNotAccessible } from '../errors/policy-errors.js';
import { normalizeResourceKey, validateEntries, validateEntry, validateResource, validateResources, validateSubject, validateSubjects } from '../model/policy-json.js';
import type { SubjectRules } from '../model/policy-json.js';

/** The kinds of policy resources the policy commands address. */
export type PolicyResourceKind = 'policy' | 'policyId' | 'entries' | 'entry' | 'subjects' | 'subject' | 'resources' | 'resource';

/** A parsed policy command path. */
export interface PolicyResource {
  readonly kind: PolicyResourceKind;
  /** Segments inside the stored policy JSON (resource keys and subject ids as one segment each). */
  readonly segments: readonly string[];
  readonly label?: string;
  /** Subject id or resource key. */
  readonly key?: string;
}

/**
 * Parses a policy command path (`/entries/<label>/resources/thing:/attributes` …). Subject ids and
 * resource keys may contain `/`: everything after `subjects/` or `resources/` is the key.
 * @throws DittoError 400 for unknown paths and for `imports` (not supported)
 */
export function parsePolicyResource(topic: string, path: string): PolicyResource {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const [root, label, container] = segments;
  if (root === undefined) return { kind: 'policy', segments };
  if (root === 'policyId' && segments.length === 1) return { kind: 'policyId', segments };
  if (root === 'imports') throw unsupportedTopicAndPath(topic, path);
  if (root !== 'entries') throw unknownPath(path);
  if (label === undefined) return { kind: 'entries', segments };
  if (container === undefined) return { kind: 'entry', segments, label };
  const rest = segments.slice(3).join('/');
  if (container === 'subjects') {
    return rest.length === 0 ? { kind: 'subjects', segments, label } : { kind: 'subject', segments: ['entries', label, 'subjects', rest], label, key: rest };
  }
  if (container !== 'resources') throw unknownPath(path);
  if (rest.length === 0) return { kind: 'resources', segments, label };
  const key = normalizeResourceKey(rest);
  if (key === undefined) throw policyEntryInvalid(`The resource key '${rest}' is invalid: it must be 'thing:/…', 'policy:/…' or 'message:/…'.`);
  return { kind: 'resource', segments: ['entries', label, 'resources', key], label, key };
}

/** The 404 Ditto answers for an absent or unreadable policy resource. */
export function policyResourceNotFound(policyId: string, resource: PolicyResource): DittoError {
  const label = resource.label ?? '';
  switch (resource.kind) {
    case 'entry':
      return entryNotAccessible(policyId, label);
    case 'subjects':
    case 'subject':
      return subjectNotAccessible(policyId, label, resource.key ?? '');
    case 'resources':
    case 'resource':
      return resourceNotAccessible(policyId, label, resource.key ?? '');
    default:
      return policyNotAccessible(policyId);
  }
}

/**
 * The validated stored form of a new value for a policy sub-resource.
 * @throws DittoError `policies:entry.invalid`, `policies:subjectexpiry.invalid`, `policies:subjectannouncement.invalid` (400)
 */
export function validatePolicyPart(resource: PolicyResource, value: JsonValue, rules: SubjectRules): JsonValue {
  switch (resource.kind) {
    case 'entries':
      return validateEntries(value, rules);
    case 'entry':
      return validateEntry(resource.label ?? '', value, rules);
    case 'subjects':
      return validateSubjects(value, rules);
    case 'subject':
      return validateSubject(resource.key ?? '', value, rules);
    case 'resources':
      return validateResources(value);
    case 'resource':
      return validateResource(resource.key ?? '', value);
    default:
      throw policyEntryInvalid('The policy id cannot be changed.');
  }
}

/** Whether the entry a subjects/resources path belongs to exists (writing below a missing entry is a 404). */
export function parentExists(policy: JsonObject, resource: PolicyResource): boolean {
  if (resource.kind !== 'subjects' && resource.kind !== 'subject' && resource.kind !== 'resources' && resource.kind !== 'resource') return true;
  const entries = policy['entries'];
  return typeof entries === 'object' && entries !== null && !Array.isArray(entries) && Object.prototype.hasOwnProperty.call(entries, resource.label ?? '');
}
