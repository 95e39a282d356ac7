import { classifySignal, DittoError, parseDittoProtocolMessage, parseTopicPath, unknownChannel, unsupportedTopicAndPath } from '@twinlink/core';
import type { DittoProtocolMessage, JsonObject, ProtocolSignal, RetrieveThingsSignal, TopicPath } from '@twinlink/core';
import type { SubjectExpiryOptions } from '../expiry/subject-expiry-options.js';
import { subjectExpirySettings } from '../expiry/subject-expiry-options.js';
import { SubjectExpiryScheduler } from '../expiry/subject-expiry-scheduler.js';
import type { TwinTimers } from '../expiry/twin-timers.js';
import { REAL_TIMERS } from '../expiry/twin-timers.js';
import { parseFieldSelector } from '@twinlink/core';
import { MemoryTwinStore } from '../store/memory-twin-store.js';
import { ObservedTwinStore } from '../store/observed-twin-store.js';
import type { TwinStore } from '../store/twin-store.js';
import type { TwinApplyResult, TwinLimits } from './engine-context.js';
import { EngineContext } from './engine-context.js';
import { deleteExpiredSubjects } from './expired-subjects.js';
import { errorResult } from './outcome.js';
import type { PolicyAnnouncement, PolicyAnnouncementListener } from './policy-announcement.js';
import { applyPolicyCommand } from './policy-commands.js';
import { applyThingCommand, readableThing } from './thing-commands.js';
import type { TwinEvent, TwinEventListener } from './twin-event.js';

/** Options of {@link TwinEngine}. */
export interface TwinEngineOptions {
  /** Where things and policies live; a fresh {@link MemoryTwinStore} when absent. */
  readonly store?: TwinStore;
  /** Largest thing in characters of its JSON; default 102,400 (Ditto's 100 kB). */
  readonly maxThingSize?: number;
  /** Largest policy in characters of its JSON; default 102,400. */
  readonly maxPolicySize?: number;
  /** The clock for `_created`/`_modified`, event timestamps and subject expiries. */
  readonly clock?: () => Date;
  /** Rounding of subject expiries and timing of their announcements; Ditto's defaults when absent. */
  readonly subjectExpiry?: SubjectExpiryOptions;
  /** The timers subject expiries and announcements wait with; Node's (unref'd) when absent. */
  readonly timers?: TwinTimers;
}

const DEFAULT_MAX_SIZE = 100 * 1024;

/**
 * The embedded twin backend: executes twin thing commands and policy commands of the Ditto
 * Protocol with Ditto's policy enforcement, persists through a {@link TwinStore} and notifies
 * subscribers of every twin event once it is durable. Deletes policy subjects at their `expiry`
 * and publishes their `subjectDeletion` announcements to announcement subscribers; the expiries of
 * stored policies are scheduled again when the engine is created.
 */
export class TwinEngine {
  private readonly ctx: EngineContext;
  private readonly listeners = new Set<TwinEventListener>();
  private readonly announcementListeners = new Set<PolicyAnnouncementListener>();
  private readonly expiry: SubjectExpiryScheduler;

  constructor(options: TwinEngineOptions = {}) {
    const limits: TwinLimits = { maxThingSize: options.maxThingSize ?? DEFAULT_MAX_SIZE, maxPolicySize: options.maxPolicySize ?? DEFAULT_MAX_SIZE };
    const clock = options.clock ?? (() => new Date());
    const settings = subjectExpirySettings(options.subjectExpiry);
    const store = new ObservedTwinStore(options.store ?? new MemoryTwinStore(), (record, previous) => this.expiry.policyWritten(record, previous));
    this.ctx = new EngineContext(store, limits, clock, settings);
    this.expiry = new SubjectExpiryScheduler({
      settings,
      timers: options.timers ?? REAL_TIMERS,
      now: () => clock().getTime(),
      announce: (announcement) => this.announce(announcement),
      deleteExpired: (policyId, subjects) => deleteExpiredSubjects(this.ctx, policyId, subjects),
    });
    // Due expiries and announcements run on the first timer tick, after the creator subscribed.
    this.expiry.load(store.expiringPolicies());
  }

  /** The store behind the engine. */
  get store(): TwinStore {
    return this.ctx.store;
  }

  /**
   * Applies a Ditto Protocol message (JSON text, parsed JSON or a parsed envelope) on behalf of the
   * authorization subjects. Always resolves with a response — an error response for every Ditto
   * error — and the events the command caused (already delivered to subscribers). Pass the
   * classified signal when the caller already has it, to skip classifying twice.
   */
  async apply(input: unknown, subjects: readonly string[], signal?: ProtocolSignal): Promise<TwinApplyResult> {
    let message: DittoProtocolMessage | undefined;
    let topicPath: TopicPath | undefined;
    try {
      message = parseDittoProtocolMessage(input);
      topicPath = signal?.topicPath ?? parseTopicPath(message.topic);
      const result = await this.dispatch(message, signal ?? classifySignal(message, topicPath), subjects);
      for (const event of result.events) this.publish(event);
      return result;
    } catch (error) {
      if (error instanceof DittoError) return errorResult(error, topicPath, message);
      throw error;
    }
  }

  /** Registers a listener for twin events; returns the function that removes it. */
  subscribe(listener: TwinEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Registers a listener for policy announcements (Ditto's `subjectDeletion`); returns the function
   * that removes it. An announcement requesting acknowledgements is published again later unless
   * some listener took it and none answered `redeliver`.
   */
  subscribeAnnouncements(listener: PolicyAnnouncementListener): () => void {
    this.announcementListeners.add(listener);
    return () => {
      this.announcementListeners.delete(listener);
    };
  }

  /**
   * The selected fields of a thing (Ditto field selector, e.g. `attributes/location,features/lamp`)
   * reduced to what the subjects may READ; `undefined` when the thing is absent or unreadable. For
   * `extraFields` enrichment.
   * @throws DittoError 400 for an invalid selector
   */
  async retrievePartialThing(thingId: string, fields: string | undefined, subjects: readonly string[]): Promise<JsonObject | undefined> {
    return readableThing(this.ctx, thingId, fields === undefined ? undefined : parseFieldSelector(fields), subjects);
  }

  /** Stops expiring subjects, then flushes and closes the store. */
  async close(): Promise<void> {
    this.expiry.stop();
    await this.ctx.store.close();
  }

  private dispatch(message: DittoProtocolMessage, signal: ProtocolSignal, subjects: readonly string[]): Promise<TwinApplyResult> | TwinApplyResult {
    switch (signal.kind) {
      case 'command':
        if (signal.channel !== 'twin') throw unknownChannel(signal.channel, 'twin backend');
        return applyThingCommand(this.ctx, message, signal, subjects);
      case 'retrieveThings':
        if (signal.channel !== 'twin') throw unknownChannel(signal.channel, 'twin backend');
        return this.retrieveThings(message, signal, subjects);
      case 'policyCommand':
        return applyPolicyCommand(this.ctx, message, signal, subjects);
      default:
        throw unsupportedTopicAndPath(message.topic, message.path);
    }
  }

  private retrieveThings(message: DittoProtocolMessage, signal: RetrieveThingsSignal, subjects: readonly string[]): TwinApplyResult {
    const selector = message.fields === undefined ? undefined : parseFieldSelector(message.fields);
    const things: JsonObject[] = [];
    for (const thingId of signal.thingIds) {
      const thing = readableThing(this.ctx, thingId, selector, subjects);
      if (thing !== undefined) things.push(thing);
    }
    return { response: { topic: message.topic, headers: message.headers, path: message.path, value: things, status: 200 }, events: [] };
  }

  /** Whether the announcement counts as acknowledged: no listener wants it again, and one took it when acks are requested. */
  private async announce(announcement: PolicyAnnouncement): Promise<boolean> {
    const outcomes = await Promise.all([...this.announcementListeners].map(async (listener) => (await listener(announcement)) ?? 'acknowledged'));
    return !outcomes.includes('redeliver') && (announcement.requestedAcks.length === 0 || outcomes.length > 0);
  }

  private publish(event: TwinEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's failure is its own: the change is durable and other subscribers still get the event.
      }
    }
  }
}
