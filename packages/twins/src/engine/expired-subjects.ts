import type { TrackedSubject } from '../expiry/tracked-subjects.js';
import { policyWithoutSubjects } from '../expiry/tracked-subjects.js';
import type { EngineContext } from './engine-context.js';

/**
 * Deletes expired subjects from a policy, like Ditto's `SudoDeleteExpiredSubject`: from every
 * entry holding the subject with exactly the expired settings (a subject changed meanwhile stays),
 * in one write bumping the revision — no enforcement, it is the engine's own change. Writes
 * nothing when none of them is left.
 * @throws when the store fails
 */
export async function deleteExpiredSubjects(ctx: EngineContext, policyId: string, subjects: readonly TrackedSubject[]): Promise<void> {
  const record = ctx.store.policy(policyId);
  if (record?.policy === undefined) return;
  const policy = policyWithoutSubjects(record.policy, new Set(subjects.map((subject) => subject.key)));
  if (policy === record.policy) return;
  await ctx.store.write({ policy: { ...record, policy, revision: record.revision + 1, modified: ctx.now() } });
}
