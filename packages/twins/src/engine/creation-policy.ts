import { DittoError, ownValue, parseNamespacedId, policyIdInvalid } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';
import type { PolicyEnforcer } from '../auth/policy-enforcer.js';
import { policyNotAccessible, policyNotCreatable, policyTooLarge } from '../errors/policy-errors.js';
import { policyCreationFailed, policyMissingForCreate } from '../errors/thing-errors.js';
import { defaultPolicy } from '../model/default-policy.js';
import { normalizePolicy } from '../model/policy-json.js';
import type { PolicyRecord } from '../store/twin-store.js';
import type { EngineContext } from './engine-context.js';
import { enforcerOfPolicy } from './engine-context.js';
import { keepsWriteAccess } from './policy-lockout.js';

/** The policy a new thing gets: its id, the record to write when it is new, and its enforcer. */
export interface CreationPolicy {
  readonly policyId: string;
  readonly write?: PolicyRecord;
  readonly enforcer: PolicyEnforcer;
}

const THING_POLICY_REF = /^\{\{\s*ref:things\/([^/}\s]+)\/policyId\s*\}\}$/;

function copiedPolicy(ctx: EngineContext, copyFrom: JsonValue, policyId: string, subjects: readonly string[]): JsonObject {
  if (typeof copyFrom !== 'string') throw policyIdInvalid(String(copyFrom));
  const ref = THING_POLICY_REF.exec(copyFrom);
  const sourceId = ref === null ? copyFrom : (ctx.store.thing(ref[1] as string)?.thing?.['policyId'] as string | undefined);
  const source = sourceId === undefined ? undefined : ctx.store.policy(sourceId);
  const enforcer = ctx.enforcerOf(source);
  if (source?.policy === undefined || enforcer === undefined || !enforcer.hasUnrestricted('policy', [], subjects, 'READ')) {
    throw policyNotAccessible(sourceId ?? copyFrom);
  }
  return { ...source.policy, policyId };
}

/**
 * Resolves the policy of a thing being created, as Ditto does: an inline `_policy`, a copy
 * (`_copyPolicyFrom`, a policy id or `{{ ref:things/<id>/policyId }}`), an existing `policyId`, or
 * else a default policy named like the thing granting the creator everything. A new policy must
 * leave the creator WRITE on `policy:/` unless `allow-policy-lockout` is set.
 * @throws DittoError `things:thing.notcreatable` (400), `policies:*` errors, `things:policyId.invalid`
 */
export function creationPolicy(ctx: EngineContext, value: JsonObject, thingId: string, subjects: readonly string[], allowLockout: boolean, now: string): CreationPolicy {
  const given = ownValue(value, 'policyId');
  if (given !== undefined && (typeof given !== 'string' || parseNamespacedId(given) === undefined)) throw policyIdInvalid(String(given));
  const inline = ownValue(value, '_policy');
  const copyFrom = ownValue(value, '_copyPolicyFrom');
  if (given !== undefined && inline === undefined && copyFrom === undefined) {
    const record = ctx.store.policy(given);
    const enforcer = ctx.enforcerOf(record);
    if (enforcer === undefined) throw policyMissingForCreate(thingId, given);
    return { policyId: given, enforcer };
  }
  const policyId = given ?? thingId;
  const existing = ctx.store.policy(policyId);
  if (existing?.policy !== undefined) throw policyCreationFailed(thingId, policyId, `The Policy with ID '${policyId}' already exists`);
  let policy: JsonObject;
  try {
    policy =
      inline !== undefined ? normalizePolicy(inline, policyId, ctx.subjectRules()) : copyFrom !== undefined ? copiedPolicy(ctx, copyFrom, policyId, subjects) : defaultPolicy(policyId, subjects);
  } catch (error) {
    if (error instanceof DittoError && error.status === 400) throw policyCreationFailed(thingId, policyId, error.message);
    throw error;
  }
  const size = JSON.stringify(policy).length;
  if (size > ctx.limits.maxPolicySize) throw policyTooLarge(size, ctx.limits.maxPolicySize);
  const enforcer = enforcerOfPolicy(policy);
  if (!keepsWriteAccess(policy, subjects, allowLockout)) throw policyNotCreatable(policyId);
  const write: PolicyRecord = { policyId, policy, revision: (existing?.revision ?? 0) + 1, created: now, modified: now };
  return { policyId, write, enforcer };
}
