import { isJsonObject, ownValue } from '@twinlink/core';
import type { DittoProtocolMessage, ThingCommandSignal } from '@twinlink/core';
import { thingJsonInvalid, thingIdNotSettable, thingUnavailable } from '../errors/thing-errors.js';
import { applyMergePatch } from '../json/merge-patch.js';
import { checkedSize } from '../model/thing-size.js';
import { normalizeThing } from '../model/thing-json.js';
import type { ThingRecord } from '../store/twin-store.js';
import { authorizeThingCommand } from './authorize-thing-command.js';
import { creationPolicy } from './creation-policy.js';
import type { EngineContext, TwinApplyResult } from './engine-context.js';
import { thingOutcome } from './outcome.js';
import type { RequestHeaders } from './request-headers.js';
import { checkEntityTags } from './request-headers.js';

/**
 * Creates a thing that does not exist (create, or modify/merge at `/`): resolves or creates its
 * policy, checks the creator's WRITE on it, and stores thing and new policy in one write. A deleted
 * thing's tombstone continues its revision.
 */
export async function createThing(
  ctx: EngineContext,
  message: DittoProtocolMessage,
  signal: ThingCommandSignal,
  subjects: readonly string[],
  headers: RequestHeaders,
  tombstone: ThingRecord | undefined,
): Promise<TwinApplyResult> {
  const { thingId } = signal;
  checkEntityTags('Thing', headers, () => undefined, false);
  const value = signal.action === 'merge' ? applyMergePatch(undefined, message.value ?? null) : message.value;
  if (!isJsonObject(value)) throw thingJsonInvalid('A thing must be a JSON object.');
  const givenId = ownValue(value, 'thingId');
  if (givenId !== undefined && givenId !== thingId) throw thingIdNotSettable();
  const now = ctx.now();
  const policy = creationPolicy(ctx, value, thingId, subjects, headers.allowPolicyLockout, now);
  authorizeThingCommand(policy.enforcer, signal, message.value, subjects);
  const thing = normalizeThing(value, thingId, policy.policyId);
  const sizeBound = checkedSize(thing, ctx.limits.maxThingSize);
  const revision = (tombstone?.revision ?? 0) + 1;
  const record: ThingRecord = { thingId, thing, revision, created: now, modified: now, sizeBound };
  try {
    await ctx.store.write(policy.write === undefined ? { thing: record } : { thing: record, policy: policy.write });
  } catch (cause) {
    throw thingUnavailable(thingId, cause);
  }
  return thingOutcome(message, signal, {
    state: { thingExists: false, resourceExists: false },
    ...(signal.action === 'merge' ? {} : { eventValue: thing }),
    createdValue: policy.enforcer.view('thing', [], thing, subjects, 'READ') ?? {},
    revision,
    timestamp: now,
    enforcer: policy.enforcer,
  });
}
