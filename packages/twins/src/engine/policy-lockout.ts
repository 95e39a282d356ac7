import type { JsonObject } from '@twinlink/core';
import { lastingPolicy } from '../expiry/tracked-subjects.js';
import { enforcerOfPolicy } from './engine-context.js';

/**
 * Whether the subjects keep WRITE on the whole policy — Ditto refuses to lock the requester out
 * unless `allow-policy-lockout` is set. Subjects with an `expiry` do not count: they are deleted
 * some day.
 */
export function keepsWriteAccess(policy: JsonObject, subjects: readonly string[], allowLockout: boolean): boolean {
  return allowLockout || enforcerOfPolicy(lastingPolicy(policy)).hasUnrestricted('policy', [], subjects, 'WRITE');
}
