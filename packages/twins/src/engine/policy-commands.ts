import { isJsonObject, ownValue, unsupportedTopicAndPath } from '@twinlink/core';
import type { DittoProtocolMessage, JsonObject, JsonValue, PolicyCommandSignal } from '@twinlink/core';
import { policyConflict, policyIdNotSettable, policyModificationInvalid, policyNotAccessible, policyNotCreatable, policyNotModifiable, policyTooLarge, policyUnavailable } from '../errors/policy-errors.js';
import { deleteAt, getAt, setAt } from '../json/json-tree.js';
import { revisionTag, valueTag } from '../model/etag.js';
import { normalizePolicy } from '../model/policy-json.js';
import type { SubjectRules } from '../model/policy-json.js';
import type { PolicyRecord } from '../store/twin-store.js';
import type { EngineContext, TwinApplyResult } from './engine-context.js';
import { enforcerOfPolicy } from './engine-context.js';
import { keepsWriteAccess } from './policy-lockout.js';
import type { PolicyResource } from './policy-resource.js';
import { parentExists, parsePolicyResource, policyResourceNotFound, validatePolicyPart } from './policy-resource.js';
import type { RequestHeaders } from './request-headers.js';
import { checkEntityTags, readRequestHeaders } from './request-headers.js';

function respond(message: DittoProtocolMessage, status: number, value?: JsonValue): TwinApplyResult {
  const response: DittoProtocolMessage = { topic: message.topic, headers: message.headers, path: message.path, ...(value === undefined ? {} : { value }), status };
  return { response, events: [] };
}

function newPolicy(value: JsonValue | undefined, policyId: string, rules: SubjectRules): JsonObject {
  const given = isJsonObject(value) ? ownValue(value, 'policyId') : undefined;
  if (given !== undefined && given !== policyId) throw policyIdNotSettable();
  return normalizePolicy(value ?? null, policyId, rules);
}

async function store(ctx: EngineContext, record: PolicyRecord): Promise<void> {
  if (record.policy !== undefined) {
    const size = JSON.stringify(record.policy).length;
    if (size > ctx.limits.maxPolicySize) throw policyTooLarge(size, ctx.limits.maxPolicySize);
  }
  try {
    await ctx.store.write({ policy: record });
  } catch (cause) {
    throw policyUnavailable(record.policyId, cause);
  }
}

async function createPolicy(ctx: EngineContext, message: DittoProtocolMessage, policyId: string, subjects: readonly string[], headers: RequestHeaders, previous: PolicyRecord | undefined): Promise<TwinApplyResult> {
  checkEntityTags('Policy', headers, () => undefined, false);
  const policy = newPolicy(message.value, policyId, ctx.subjectRules());
  if (!keepsWriteAccess(policy, subjects, headers.allowPolicyLockout)) throw policyNotCreatable(policyId);
  const now = ctx.now();
  await store(ctx, { policyId, policy, revision: (previous?.revision ?? 0) + 1, created: now, modified: now });
  return respond(message, 201, enforcerOfPolicy(policy).view('policy', [], policy, subjects, 'READ') ?? {});
}

/**
 * Applies a policy command (create, modify, retrieve, delete of the policy, its entries, subjects
 * and resources) with Ditto's enforcement on `policy:/…`: READ to retrieve (the answer filtered),
 * WRITE to change; a change must not take WRITE on `policy:/` away from the requester unless
 * `allow-policy-lockout` is set. Written subjects get their `expiry` and `announcement.beforeExpiry`
 * rounded up (an expiry in the past is refused). Policy commands emit no twin events.
 * @throws DittoError for every failure
 */
export async function applyPolicyCommand(ctx: EngineContext, message: DittoProtocolMessage, signal: PolicyCommandSignal, subjects: readonly string[]): Promise<TwinApplyResult> {
  const { policyId, action } = signal;
  const resource: PolicyResource = parsePolicyResource(message.topic, signal.path);
  if (action === 'merge' || action === 'migrate' || (resource.kind === 'policyId' && action !== 'retrieve')) throw unsupportedTopicAndPath(message.topic, message.path);
  const headers = readRequestHeaders(message.headers);
  const record = ctx.store.policy(policyId);
  const policy = record?.policy;
  if (record === undefined || policy === undefined) {
    if (resource.kind === 'policy' && (action === 'create' || action === 'modify')) return createPolicy(ctx, message, policyId, subjects, headers, record);
    throw policyNotAccessible(policyId);
  }
  if (action === 'create') throw policyConflict(policyId);
  const enforcer = enforcerOfPolicy(policy);
  const segments = resource.segments;
  const current = getAt(policy, segments);
  if (action === 'retrieve') {
    if (!enforcer.hasPartial('policy', segments, subjects, 'READ') || current === undefined) throw policyResourceNotFound(policyId, resource);
    checkEntityTags('Policy', headers, () => (resource.kind === 'policy' ? revisionTag(record.revision) : valueTag(current)), true);
    const value = enforcer.view('policy', segments, current, subjects, 'READ');
    if (value === undefined) throw policyResourceNotFound(policyId, resource);
    return respond(message, 200, value);
  }
  if (!enforcer.hasUnrestricted('policy', segments, subjects, 'WRITE')) {
    throw enforcer.hasPartial('policy', [], subjects, 'READ') ? policyNotModifiable(policyId) : policyNotAccessible(policyId);
  }
  checkEntityTags('Policy', headers, () => (resource.kind === 'policy' ? revisionTag(record.revision) : current === undefined ? undefined : valueTag(current)), false);
  const now = ctx.now();
  const revision = record.revision + 1;
  if (action === 'delete') {
    if (current === undefined) throw policyResourceNotFound(policyId, resource);
    if (resource.kind === 'policy') {
      await store(ctx, { policyId, policy: undefined, revision, created: record.created, modified: now });
      return respond(message, 204);
    }
  }
  if (action === 'modify' && !parentExists(policy, resource)) throw policyResourceNotFound(policyId, { ...resource, kind: 'entry' });
  const next =
    action === 'delete'
      ? (deleteAt(policy, segments) as JsonObject)
      : resource.kind === 'policy'
        ? newPolicy(message.value, policyId, ctx.subjectRules())
        : (setAt(policy, segments, validatePolicyPart(resource, message.value ?? null, ctx.subjectRules())) as JsonObject);
  if (!keepsWriteAccess(next, subjects, headers.allowPolicyLockout)) throw policyModificationInvalid(policyId);
  const nextEnforcer = enforcerOfPolicy(next);
  await store(ctx, { policyId, policy: next, revision, created: record.created, modified: now });
  if (action === 'delete' || current !== undefined) return respond(message, 204);
  const created = getAt(next, segments) as JsonValue;
  return respond(message, 201, nextEnforcer.view('policy', segments, created, subjects, 'READ') ?? created);
}
