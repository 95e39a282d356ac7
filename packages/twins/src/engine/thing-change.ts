import { isJsonObject, jsonEqual, ownValue, parseNamespacedId, policyIdInvalid } from '@twinlink/core';
import type { JsonObject, JsonValue, ThingCommandSignal } from '@twinlink/core';
import { policyNotAccessible } from '../errors/policy-errors.js';
import { notModifiedAsEqual } from '../errors/precondition-errors.js';
import { inlinePolicyNotAllowed, mergeInvalid, thingIdNotSettable } from '../errors/thing-errors.js';
import { deleteAt, setAt } from '../json/json-tree.js';
import { applyMergePatch, minimizeMergePatch } from '../json/merge-patch.js';
import { checkResourceValue, normalizeThing } from '../model/thing-json.js';
import type { EngineContext } from './engine-context.js';
import type { IfEqual } from './request-headers.js';

/** A thing after a write command, before size check and persistence. */
export interface ThingChange {
  /** The new thing JSON; `undefined` when the thing is deleted. */
  readonly thing: JsonObject | undefined;
  /** The event value: the new resource, or the (possibly minimised) merge patch. */
  readonly eventValue?: JsonValue;
  /** Characters written below the path (for the size bound); `undefined` when the whole thing was replaced. */
  readonly writtenLength?: number;
}

function checkPolicyId(ctx: EngineContext, policyId: JsonValue | undefined, current: string): string {
  if (policyId === current) return current;
  if (typeof policyId !== 'string' || parseNamespacedId(policyId) === undefined) throw policyIdInvalid(String(policyId));
  if (ctx.store.policy(policyId)?.policy === undefined) throw policyNotAccessible(policyId);
  return policyId;
}

function replacedThing(ctx: EngineContext, thing: JsonObject, value: JsonValue, thingId: string): JsonObject {
  if (!isJsonObject(value)) throw mergeInvalid();
  if (ownValue(value, '_policy') !== undefined) throw inlinePolicyNotAllowed(thingId);
  const givenId = ownValue(value, 'thingId');
  if (givenId !== undefined && givenId !== thingId) throw thingIdNotSettable();
  const currentPolicyId = thing['policyId'] as string;
  const policyId = checkPolicyId(ctx, ownValue(value, 'policyId') ?? currentPolicyId, currentPolicyId);
  return normalizeThing(value, thingId, policyId);
}

/**
 * The thing after a modify, merge or delete of an existing resource (or a modify/merge creating a
 * sub-resource). `if-equal: skip` turns a change that changes nothing into 304;
 * `skip-minimizing-merge` also reduces a merge patch to what changes.
 * @throws DittoError 400 for invalid values, 404 for unknown policies, 304 for skipped no-ops
 */
export function computeChange(ctx: EngineContext, signal: ThingCommandSignal, value: JsonValue | undefined, thing: JsonObject, current: JsonValue | undefined, ifEqual: IfEqual): ThingChange {
  const { resource, thingId } = signal;
  const segments = resource.segments;
  const atThing = resource.kind === 'thing';
  if (signal.action === 'delete') return { thing: atThing ? undefined : (deleteAt(thing, segments) as JsonObject) };
  const given = value as JsonValue;
  if (signal.action === 'merge') {
    let patch = given;
    if (ifEqual !== 'update' && current !== undefined) {
      const minimal = minimizeMergePatch(current, patch);
      if (minimal === undefined) throw notModifiedAsEqual('Thing');
      if (ifEqual === 'skip-minimizing-merge') patch = minimal;
    }
    const merged = applyMergePatch(current, patch);
    if (atThing) return { thing: replacedThing(ctx, thing, merged ?? null, thingId), eventValue: patch };
    if (merged === undefined) return { thing: deleteAt(thing, segments) as JsonObject, eventValue: patch, writtenLength: 0 };
    if (resource.kind === 'policyId') checkPolicyId(ctx, merged, thing['policyId'] as string);
    else checkResourceValue(resource.kind, merged, resource.featureId);
    return { thing: setAt(thing, segments, merged) as JsonObject, eventValue: patch, writtenLength: JSON.stringify(patch).length };
  }
  if (atThing) {
    const replaced = replacedThing(ctx, thing, given, thingId);
    if (ifEqual !== 'update' && jsonEqual(thing, replaced)) throw notModifiedAsEqual('Thing');
    return { thing: replaced, eventValue: replaced };
  }
  if (ifEqual !== 'update' && current !== undefined && jsonEqual(current, given)) throw notModifiedAsEqual('Thing');
  if (resource.kind === 'policyId') checkPolicyId(ctx, given, thing['policyId'] as string);
  else checkResourceValue(resource.kind, given, resource.featureId);
  return { thing: setAt(thing, segments, given) as JsonObject, eventValue: given, writtenLength: JSON.stringify(given).length };
}
