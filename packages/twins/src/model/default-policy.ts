import { setOwn } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';

const ALL: JsonObject = { grant: ['READ', 'WRITE'], revoke: [] };

/**
 * Ditto's default policy for a thing created without one: a `DEFAULT` entry granting the creating
 * subjects READ and WRITE on the thing, the policy and its messages.
 */
export function defaultPolicy(policyId: string, subjects: readonly string[]): JsonObject {
  const subjectsJson: JsonObject = {};
  for (const subject of subjects) setOwn(subjectsJson, subject, { type: 'generated' });
  return {
    policyId,
    entries: { DEFAULT: { subjects: subjectsJson, resources: { 'thing:/': ALL, 'policy:/': ALL, 'message:/': ALL } } },
  };
}
