import { hasExpiringSubject } from '../expiry/tracked-subjects.js';
import type { PolicyRecord, ThingRecord, TwinStore, TwinStoreStats, TwinWrite } from './twin-store.js';

const DONE: Promise<void> = Promise.resolve();

/** A {@link TwinStore} in memory: nothing survives the process; every write is "durable" at once. */
export class MemoryTwinStore implements TwinStore {
  private readonly things = new Map<string, ThingRecord>();
  private readonly policies = new Map<string, PolicyRecord>();
  private writes = 0;

  thing(thingId: string): ThingRecord | undefined {
    return this.things.get(thingId);
  }

  policy(policyId: string): PolicyRecord | undefined {
    return this.policies.get(policyId);
  }

  *expiringPolicies(): Iterable<PolicyRecord> {
    for (const record of this.policies.values()) if (hasExpiringSubject(record.policy)) yield record;
  }

  write(write: TwinWrite): Promise<void> {
    if (write.policy !== undefined) this.policies.set(write.policy.policyId, write.policy);
    if (write.thing !== undefined) this.things.set(write.thing.thingId, write.thing);
    this.writes++;
    return DONE;
  }

  stats(): TwinStoreStats {
    return { writes: this.writes, transactions: this.writes };
  }

  close(): Promise<void> {
    return DONE;
  }
}
