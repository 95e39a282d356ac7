import { classifySignal, DittoError, parseDittoProtocolMessage, parseTopicPath, unknownChannel, unsupportedTopicAndPath } from '@twinlink/core';
import type { DittoProtocolMessage, JsonObject, ProtocolSignal, RetrieveThingsSignal, TopicPath } from '@twinlink/core';
import { parseFieldSelector } from '../json/field-selector.js';
import { MemoryTwinStore } from '../store/memory-twin-store.js';
import type { TwinStore } from '../store/twin-store.js';
import type { TwinApplyResult, TwinLimits } from './engine-context.js';
import { EngineContext } from './engine-context.js';
import { errorResult } from './outcome.js';
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
  /** The clock for `_created`/`_modified` and event timestamps. */
  readonly clock?: () => Date;
}

const DEFAULT_MAX_SIZE = 100 * 1024;

/**
 * The embedded twin backend: executes twin thing commands and policy commands of the Ditto
 * Protocol with Ditto's policy enforcement, persists through a {@link TwinStore} and notifies
 * subscribers of every twin event once it is durable.
 */
export class TwinEngine {
  private readonly ctx: EngineContext;
  private readonly listeners = new Set<TwinEventListener>();

  constructor(options: TwinEngineOptions = {}) {
    const limits: TwinLimits = { maxThingSize: options.maxThingSize ?? DEFAULT_MAX_SIZE, maxPolicySize: options.maxPolicySize ?? DEFAULT_MAX_SIZE };
    this.ctx = new EngineContext(options.store ?? new MemoryTwinStore(), limits, options.clock ?? (() => new Date()));
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
   * The selected fields of a thing (Ditto field selector, e.g. `attributes/location,features/lamp`)
   * reduced to what the subjects may READ; `undefined` when the thing is absent or unreadable. For
   * `extraFields` enrichment.
   * @throws DittoError 400 for an invalid selector
   */
  async retrievePartialThing(thingId: string, fields: string | undefined, subjects: readonly string[]): Promise<JsonObject | undefined> {
    return readableThing(this.ctx, thingId, fields === undefined ? undefined : parseFieldSelector(fields), subjects);
  }

  /** Flushes and closes the store. */
  async close(): Promise<void> {
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
