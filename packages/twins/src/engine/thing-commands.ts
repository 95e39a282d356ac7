import { thingNotAccessible, unsupportedTopicAndPath } from '@twinlink/core';
import type { DittoProtocolMessage, JsonObject, ThingCommandSignal } from '@twinlink/core';
import { thingUnavailable } from '../errors/thing-errors.js';
import type { FieldSelector } from '@twinlink/core';
import { parseFieldSelector } from '@twinlink/core';
import { getAt } from '../json/json-tree.js';
import { revisionTag, valueTag } from '../model/etag.js';
import { checkedSize, checkedSizeBound } from '../model/thing-size.js';
import type { ThingRecord } from '../store/twin-store.js';
import { authorizeThingCommand } from './authorize-thing-command.js';
import type { EngineContext, TwinApplyResult } from './engine-context.js';
import { thingOutcome } from './outcome.js';
import { checkEntityTags, readRequestHeaders } from './request-headers.js';
import { computeChange } from './thing-change.js';
import { checkCondition } from './thing-condition.js';
import { createThing } from './thing-creation.js';
import { readableView, thingWithSpecialFields } from './thing-views.js';

function selectorOf(message: DittoProtocolMessage): FieldSelector | undefined {
  return message.fields === undefined ? undefined : parseFieldSelector(message.fields);
}

/**
 * Applies a twin thing command (protocol.md §4/§5) on behalf of the authorization subjects:
 * enforcement, conditional headers, the change, size limit, persistence, response and event.
 * @throws DittoError for every failure (turned into an error response by the engine)
 */
export async function applyThingCommand(ctx: EngineContext, message: DittoProtocolMessage, signal: ThingCommandSignal, subjects: readonly string[]): Promise<TwinApplyResult> {
  const { thingId, resource, action } = signal;
  if (action === 'migrate') throw unsupportedTopicAndPath(message.topic, message.path);
  const headers = readRequestHeaders(message.headers);
  const record = ctx.store.thing(thingId);
  const thing = record?.thing;
  if (record === undefined || thing === undefined) {
    if (resource.kind === 'thing' && (action === 'create' || action === 'modify' || action === 'merge')) {
      return createThing(ctx, message, signal, subjects, headers, record);
    }
    return thingOutcome(message, signal, { state: { thingExists: false, resourceExists: false } });
  }
  const policyRecord = ctx.store.policy(thing['policyId'] as string);
  const enforcer = ctx.enforcerOf(policyRecord);
  // A thing whose policy is gone is inaccessible to everyone, like in Ditto.
  if (enforcer === undefined) throw thingNotAccessible(thingId);
  authorizeThingCommand(enforcer, signal, message.value, subjects);
  const segments = resource.segments;
  const current = getAt(thing, segments);
  if (headers.condition !== undefined && action !== 'create') {
    checkCondition(headers.condition, thingWithSpecialFields(record, thing, 'all'), enforcer, subjects);
  }
  checkEntityTags('Thing', headers, () => (resource.kind === 'thing' ? revisionTag(record.revision) : current === undefined ? undefined : valueTag(current)), action === 'retrieve');
  const state = { thingExists: true, resourceExists: current !== undefined };

  if (action === 'retrieve') {
    if (current === undefined) return thingOutcome(message, signal, { state });
    const selector = selectorOf(message);
    const base = resource.kind === 'thing' ? thingWithSpecialFields(record, thing, selector, { record: policyRecord, enforcer, subjects }) : current;
    const value = readableView(enforcer, segments, base, selector, subjects);
    if (value === undefined) return thingOutcome(message, signal, { state: { thingExists: true, resourceExists: false } });
    return thingOutcome(message, signal, { state: { ...state, currentValue: value } });
  }
  if (action === 'create' || (action === 'delete' && current === undefined)) return thingOutcome(message, signal, { state });

  const change = computeChange(ctx, signal, message.value, thing, current, headers.ifEqual);
  const now = ctx.now();
  const newThing = change.thing;
  let sizeBound = record.sizeBound;
  if (newThing !== undefined) {
    sizeBound =
      change.writtenLength === undefined
        ? checkedSize(newThing, ctx.limits.maxThingSize)
        : checkedSizeBound(record.sizeBound, segments, change.writtenLength, () => newThing, ctx.limits.maxThingSize);
  }
  const revision = record.revision + 1;
  const next: ThingRecord = { thingId, thing: newThing, revision, created: record.created, modified: now, sizeBound };
  try {
    await ctx.store.write({ thing: next });
  } catch (cause) {
    throw thingUnavailable(thingId, cause);
  }
  const eventEnforcer = newThing === undefined ? enforcer : (ctx.enforcerOf(ctx.store.policy(newThing['policyId'] as string)) ?? enforcer);
  const created = state.resourceExists || change.eventValue === undefined ? undefined : enforcer.view('thing', segments, change.eventValue, subjects, 'READ');
  return thingOutcome(message, signal, {
    state,
    ...(change.eventValue === undefined ? {} : { eventValue: change.eventValue }),
    ...(created === undefined ? {} : { createdValue: created }),
    revision,
    timestamp: now,
    enforcer: eventEnforcer,
  });
}

/** A thing's JSON with the selected fields, reduced to what the subjects may READ; `undefined` when absent or unreadable. */
export function readableThing(ctx: EngineContext, thingId: string, selector: FieldSelector | undefined, subjects: readonly string[]): JsonObject | undefined {
  const record = ctx.store.thing(thingId);
  const thing = record?.thing;
  if (record === undefined || thing === undefined) return undefined;
  const policyRecord = ctx.store.policy(thing['policyId'] as string);
  const enforcer = ctx.enforcerOf(policyRecord);
  if (enforcer === undefined || !enforcer.hasPartial('thing', [], subjects, 'READ')) return undefined;
  const base = thingWithSpecialFields(record, thing, selector, { record: policyRecord, enforcer, subjects });
  return readableView(enforcer, [], base, selector, subjects) as JsonObject | undefined;
}
