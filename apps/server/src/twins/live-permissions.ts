import { DittoError, pointerSegments, thingNotAccessible } from '@twinlink/core';
import type { JsonObject, MessageSignal, ThingCommandSignal, ThingEventSignal } from '@twinlink/core';
import { PolicyEnforcer } from '@twinlink/twins';
import type { ResourceType, TwinEngine } from '@twinlink/twins';

/** A live signal as the permission check sees it. */
export type LiveSignal = ThingCommandSignal | ThingEventSignal | MessageSignal;

/** Who may read a live signal, from the policy of its thing. */
export interface LiveReaders {
  readonly granted: readonly string[];
  readonly revoked: readonly string[];
}

const enforcers = new WeakMap<JsonObject, PolicyEnforcer>();

function enforcerOf(policy: JsonObject): PolicyEnforcer {
  let enforcer = enforcers.get(policy);
  if (enforcer === undefined) enforcers.set(policy, (enforcer = new PolicyEnforcer(policy)));
  return enforcer;
}

function resourceOf(signal: LiveSignal, path: string): { type: ResourceType; segments: readonly string[] } {
  if (signal.kind === 'message') return { type: 'message', segments: pointerSegments(path) };
  return { type: 'thing', segments: signal.resource.segments };
}

/**
 * Live signals are not applied to a twin, but the thing's policy still decides (protocol.md §6): the
 * sender needs WRITE on the addressed `message:` (messages) or `thing:` (live commands) resource, and
 * only targets whose subjects may READ it receive the signal.
 */
export class LivePermissions {
  constructor(private readonly twins: TwinEngine) {}

  /**
   * The readers of a live signal sent by `subjects`.
   * @throws DittoError 404 when the thing is unknown or unreadable, 403 when the sender may not write
   */
  authorize(signal: LiveSignal, path: string, subjects: readonly string[]): LiveReaders {
    const enforcer = this.enforcerOfThing(signal.thingId);
    const { type, segments } = resourceOf(signal, path);
    if (enforcer === undefined) throw thingNotAccessible(signal.thingId);
    if (!enforcer.hasUnrestricted(type, segments, subjects, 'WRITE')) {
      // Whoever cannot even see the thing learns nothing about it (Ditto answers 404 then).
      if (!enforcer.hasPartial('thing', [], subjects, 'READ')) throw thingNotAccessible(signal.thingId);
      throw new DittoError({
        status: 403,
        error: signal.kind === 'message' ? 'messages:send.notallowed' : 'things:thing.notmodifiable',
        message: `The live signal to the Thing with ID '${signal.thingId}' could not be sent as the requester had insufficient permissions.`,
        description: 'Check if the ID of your requested Thing was correct and you have sufficient permissions.',
      });
    }
    const granted: string[] = [];
    const revoked: string[] = [];
    for (const subject of enforcer.subjectIds) {
      const one = [subject];
      if (enforcer.hasPartial(type, segments, one, 'READ') || enforcer.hasUnrestricted(type, segments, one, 'READ')) granted.push(subject);
      else if (enforcer.isRevoked(type, segments, subject, 'READ')) revoked.push(subject);
    }
    return { granted, revoked };
  }

  private enforcerOfThing(thingId: string): PolicyEnforcer | undefined {
    const thing = this.twins.store.thing(thingId)?.thing;
    const policyId = thing?.['policyId'];
    if (typeof policyId !== 'string') return undefined;
    const policy = this.twins.store.policy(policyId)?.policy;
    return policy === undefined ? undefined : enforcerOf(policy);
  }
}
