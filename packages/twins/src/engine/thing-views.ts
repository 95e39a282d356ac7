import { setOwn } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';
import type { PolicyEnforcer } from '../auth/policy-enforcer.js';
import type { FieldSelector } from '@twinlink/core';
import { selectFields } from '@twinlink/core';
import type { PolicyRecord, ThingRecord } from '../store/twin-store.js';

/** Whether a selector asks for one of the thing's special fields (`_revision`, `_policy`, …). */
function selectsSpecialFields(selector: FieldSelector | 'all' | undefined): boolean {
  if (selector === 'all') return true;
  return selector !== undefined && selector.some((segments) => segments[0]?.startsWith('_') === true);
}

/**
 * The thing with Ditto's special fields `_namespace`, `_revision`, `_created`, `_modified` and
 * `_policy` (the latter only when the requester may READ the policy) — built only when selected,
 * as Ditto returns them only on request (`all` for RQL conditions, which may test them).
 */
export function thingWithSpecialFields(record: ThingRecord, thing: JsonObject, selector: FieldSelector | 'all' | undefined, policy?: { record: PolicyRecord | undefined; enforcer: PolicyEnforcer; subjects: readonly string[] }): JsonObject {
  if (!selectsSpecialFields(selector)) return thing;
  const full: JsonObject = { ...thing };
  setOwn(full, '_namespace', record.thingId.slice(0, record.thingId.indexOf(':')));
  setOwn(full, '_revision', record.revision);
  setOwn(full, '_created', record.created);
  setOwn(full, '_modified', record.modified);
  const policyJson = policy?.record?.policy;
  if (policy !== undefined && policyJson !== undefined) {
    const view = policy.enforcer.view('policy', [], policyJson, policy.subjects, 'READ');
    if (view !== undefined) setOwn(full, '_policy', view);
  }
  return full;
}

/** A resource value reduced to the selected fields and then to what the subjects may READ. */
export function readableView(enforcer: PolicyEnforcer, segments: readonly string[], value: JsonValue, selector: FieldSelector | undefined, subjects: readonly string[]): JsonValue | undefined {
  const selected = selector === undefined ? value : selectFields(value, selector);
  return enforcer.view('thing', segments, selected, subjects, 'READ');
}
