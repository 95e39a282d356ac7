import { resourceNotAccessible, thingNotAccessible } from '@twinlink/core';
import type { JsonValue, ThingCommandSignal } from '@twinlink/core';
import type { PolicyEnforcer } from '../auth/policy-enforcer.js';
import { notModifiable } from '../errors/thing-errors.js';
import { mergePatchLeaves } from '../json/merge-patch.js';

/**
 * Ditto's thing command enforcement: retrieve needs READ on the path or below (the answer is
 * filtered); modify, create and delete need WRITE on the path and everything below; a merge also
 * passes when it writes only leaves the subjects may fully WRITE.
 * @throws DittoError 404 for reads, 403 `things:*.notmodifiable` / `things:thing.notdeletable` for writes
 */
export function authorizeThingCommand(enforcer: PolicyEnforcer, signal: ThingCommandSignal, value: JsonValue | undefined, subjects: readonly string[]): void {
  const { resource, thingId } = signal;
  const segments = resource.segments;
  if (signal.action === 'retrieve') {
    if (enforcer.hasPartial('thing', segments, subjects, 'READ')) return;
    throw resource.kind === 'thing' ? thingNotAccessible(thingId) : resourceNotAccessible(thingId, resource);
  }
  if (enforcer.hasUnrestricted('thing', segments, subjects, 'WRITE')) return;
  if (
    signal.action === 'merge' &&
    value !== undefined &&
    enforcer.hasPartial('thing', segments, subjects, 'WRITE') &&
    mergePatchLeaves(value, segments).every((leaf) => enforcer.hasUnrestricted('thing', leaf, subjects, 'WRITE'))
  ) {
    return;
  }
  throw notModifiable(thingId, resource, signal.action === 'delete');
}
