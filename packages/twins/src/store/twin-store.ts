import type { JsonObject } from '@twinlink/core';

/** A thing as stored: its JSON and the bookkeeping Ditto exposes as `_revision`, `_created`, `_modified`. */
export interface ThingRecord {
  readonly thingId: string;
  /**
   * The thing JSON (`thingId`, `policyId`, `definition`, `attributes`, `features`), shared and never
   * mutated; `undefined` once deleted — the tombstone keeps the revision, so a re-created thing continues it.
   */
  readonly thing: JsonObject | undefined;
  readonly revision: number;
  readonly created: string;
  readonly modified: string;
  /** An upper bound of the serialised thing's length, so the size limit is checked without serialising every time. */
  readonly sizeBound: number;
}

/** A policy as stored. */
export interface PolicyRecord {
  readonly policyId: string;
  /** The policy JSON (`policyId`, `entries`), shared and never mutated; `undefined` once deleted. */
  readonly policy: JsonObject | undefined;
  readonly revision: number;
  readonly created: string;
  readonly modified: string;
}

/** The records one command changes; written atomically. */
export interface TwinWrite {
  readonly thing?: ThingRecord;
  readonly policy?: PolicyRecord;
}

/** Counters a store keeps for tests and monitoring. */
export interface TwinStoreStats {
  /** Writes accepted. */
  readonly writes: number;
  /** Transactions committed (each one durable write to disk for persistent stores). */
  readonly transactions: number;
}

/**
 * The persistence port of the twin engine. Reads are synchronous: both embedded stores answer from
 * memory or an in-process database, and synchronous reads let the engine apply commands for the
 * same thing strictly in arrival order without a per-thing queue.
 */
export interface TwinStore {
  /** The current record (including tombstones), with writes visible as soon as {@link write} was called. */
  thing(thingId: string): ThingRecord | undefined;
  /** The current policy record (including tombstones). */
  policy(policyId: string): PolicyRecord | undefined;
  /** Every committed live policy with a subject `expiry`, for rescheduling expiries after a restart. */
  expiringPolicies(): Iterable<PolicyRecord>;
  /**
   * Stores the records of one command. They are visible to reads at once; the promise resolves when
   * they are durable and rejects when persisting failed (the store then forgets them).
   */
  write(write: TwinWrite): Promise<void>;
  /** Counters since the store was opened. */
  stats(): TwinStoreStats;
  /** Flushes pending writes and releases resources. */
  close(): Promise<void>;
}
