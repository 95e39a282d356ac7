import type { DittoProtocolMessage, JsonValue } from '@twinlink/core';
import type { TwinApplyResult } from './engine/engine-context.js';
import type { TwinEngine } from './engine/twin-engine.js';
import type { TwinTimers } from './expiry/twin-timers.js';

/** Subjects used throughout the tests. */
export const OWNER = 'integration:owner';
export const OTHER = 'integration:other';
export const THING_ID = 'org.acme:sensor-1';
export const TOPIC = 'org.acme/sensor-1/things/twin/commands';

/** A twin command envelope for the test thing. */
export function command(action: string, path: string, value?: JsonValue, headers: Record<string, JsonValue> = {}, extra: Partial<DittoProtocolMessage> = {}): DittoProtocolMessage {
  const allHeaders = { 'correlation-id': 'c-1', ...(action === 'merge' ? { 'content-type': 'application/merge-patch+json' } : {}), ...headers };
  return { topic: `${TOPIC}/${action}`, headers: allHeaders as DittoProtocolMessage['headers'], path, ...(value === undefined ? {} : { value }), ...extra };
}

/** A policy command envelope. */
export function policyCommand(action: string, path: string, value?: JsonValue, policyId = 'org.acme:policy-1', headers: Record<string, JsonValue> = {}): DittoProtocolMessage {
  const [ns, name] = policyId.split(':');
  return { topic: `${ns}/${name}/policies/commands/${action}`, headers: { 'correlation-id': 'p-1', ...headers } as DittoProtocolMessage['headers'], path, ...(value === undefined ? {} : { value }) };
}

/** A policy JSON: one entry per `[label, subjects, resources]`. */
export function policyJson(...entries: [string, string[], Record<string, { grant?: string[]; revoke?: string[] }>][]): JsonValue {
  const result: Record<string, JsonValue> = {};
  for (const [label, subjects, resources] of entries) {
    const resourceJson: Record<string, JsonValue> = {};
    for (const [key, effect] of Object.entries(resources)) resourceJson[key] = { grant: effect.grant ?? [], revoke: effect.revoke ?? [] };
    result[label] = { subjects: Object.fromEntries(subjects.map((s) => [s, { type: 'test' }])), resources: resourceJson };
  }
  return { entries: result };
}

/** Applies a command as the owner and returns the result. */
export function run(engine: TwinEngine, message: DittoProtocolMessage, subjects: readonly string[] = [OWNER]): Promise<TwinApplyResult> {
  return engine.apply(message, subjects);
}

/** Creates the test thing (default policy for the owner) and returns the result. */
export function createTestThing(engine: TwinEngine, thing: JsonValue = { attributes: { location: 'kitchen' }, features: { temp: { properties: { value: 20 } } } }): Promise<TwinApplyResult> {
  return run(engine, command('create', '/', thing));
}

/** Lets every pending promise callback run (the stores settle on microtasks or the next turn). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock and timers the test moves forward itself; start 2030-01-01T00:00:00Z. */
export class FakeTime implements TwinTimers {
  private current = Date.parse('2030-01-01T00:00:00Z');
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  private lastHandle = 0;

  /** The clock for {@link TwinEngine}'s `clock` option. */
  readonly clock = (): Date => new Date(this.current);

  /** The time in ms. */
  now(): number {
    return this.current;
  }

  /** Timers waiting. */
  get timerCount(): number {
    return this.pending.size;
  }

  set(callback: () => void, delayMs: number): unknown {
    this.pending.set(++this.lastHandle, { at: this.current + delayMs, callback });
    return this.lastHandle;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Moves time forward by `ms`, running due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      await settle();
      const [handle, timer] = [...this.pending].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (handle === undefined || timer === undefined || timer.at > until) break;
      this.pending.delete(handle);
      this.current = Math.max(this.current, timer.at);
      timer.callback();
    }
    this.current = until;
    await settle();
  }
}
