import type { DittoProtocolMessage, JsonObject } from '@twinlink/core';
import { PolicyEnforcer } from '../auth/policy-enforcer.js';
import type { SubjectExpirySettings } from '../expiry/subject-expiry-options.js';
import type { SubjectRules } from '../model/policy-json.js';
import type { PolicyRecord, TwinStore } from '../store/twin-store.js';
import type { TwinEvent } from './twin-event.js';

/** The outcome of one command: the response (or error response) and the events it caused. */
export interface TwinApplyResult {
  readonly response: DittoProtocolMessage;
  readonly events: readonly TwinEvent[];
}

/** Size limits (characters of the JSON text, like Ditto). */
export interface TwinLimits {
  /** Largest thing; default 102,400 (100 kB). */
  readonly maxThingSize: number;
  /** Largest policy; default 102,400. */
  readonly maxPolicySize: number;
}

// Compiled once per stored policy object: policy JSON is immutable and a new revision is a new object,
// so a weak map frees the trie together with an evicted or replaced policy.
const enforcers = new WeakMap<JsonObject, PolicyEnforcer>();

/** The compiled form of a policy JSON, cached per object. */
export function enforcerOfPolicy(policy: JsonObject): PolicyEnforcer {
  let enforcer = enforcers.get(policy);
  if (enforcer === undefined) enforcers.set(policy, (enforcer = new PolicyEnforcer(policy)));
  return enforcer;
}

/** What command handlers share. */
export class EngineContext {
  constructor(
    readonly store: TwinStore,
    readonly limits: TwinLimits,
    private readonly clock: () => Date,
    private readonly expiry: SubjectExpirySettings,
  ) {}

  /** The modification timestamp for a change happening now. */
  now(): string {
    return this.clock().toISOString();
  }

  /** How subjects written now are checked and rounded. */
  subjectRules(): SubjectRules {
    return { now: this.clock().getTime(), expiryGranularityMs: this.expiry.expiryGranularityMs, announcementGranularityMs: this.expiry.announcementGranularityMs };
  }

  /** The enforcer of a live policy; `undefined` when the policy does not exist (any more). */
  enforcerOf(record: PolicyRecord | undefined): PolicyEnforcer | undefined {
    return record?.policy === undefined ? undefined : enforcerOfPolicy(record.policy);
  }
}
