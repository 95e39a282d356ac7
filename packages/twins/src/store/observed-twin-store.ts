import type { JsonObject } from '@twinlink/core';
import type { PolicyRecord, ThingRecord, TwinStore, TwinStoreStats, TwinWrite } from './twin-store.js';

/** Hears about a durable policy write, with the policy it replaced. */
export type PolicyWriteListener = (record: PolicyRecord, previous: JsonObject | undefined) => void;

/**
 * A {@link TwinStore} reporting every durable policy write together with the policy it replaced,
 * whichever command wrote it (policy commands, policies created with a thing, expiries): how the
 * engine learns which subjects appeared, changed or disappeared.
 */
export class ObservedTwinStore implements TwinStore {
  constructor(
    private readonly inner: TwinStore,
    private readonly listener: PolicyWriteListener,
  ) {}

  thing(thingId: string): ThingRecord | undefined {
    return this.inner.thing(thingId);
  }

  policy(policyId: string): PolicyRecord | undefined {
    return this.inner.policy(policyId);
  }

  expiringPolicies(): Iterable<PolicyRecord> {
    return this.inner.expiringPolicies();
  }

  write(write: TwinWrite): Promise<void> {
    const record = write.policy;
    if (record === undefined) return this.inner.write(write);
    const previous = this.inner.policy(record.policyId)?.policy;
    return this.inner.write(write).then(() => this.listener(record, previous));
  }

  stats(): TwinStoreStats {
    return this.inner.stats();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
