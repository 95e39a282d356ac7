import { ConnectionMetrics } from './connection-metrics.js';
import { SlidingWindow } from './sliding-window.js';

const T0 = Date.parse('2024-01-06T14:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
/** Reads a nested value of a JSON response. */
const dig = (json: unknown, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], json);

describe('SlidingWindow', () => {
  it('counts the slots inside the window and forgets older ones', () => {
    const window = new SlidingWindow(10_000, 6);
    window.add(T0);
    window.add(T0 + 15_000);
    expect(window.total(T0 + 20_000)).toBe(2);
    expect(window.total(T0 + 60_000)).toBe(1);
    expect(window.total(T0 + 80_000)).toBe(0);
  });

  it('reuses a slot for a later period instead of growing', () => {
    const window = new SlidingWindow(10_000, 6);
    window.add(T0);
    window.add(T0 + 60_000);
    expect(window.total(T0 + 60_000)).toBe(1);
  });
});

describe('ConnectionMetrics', () => {
  it('answers in Ditto’s shape with per-address and summed series', () => {
    const metrics = new ConnectionMetrics();
    metrics.prepare({ sources: ['telemetry/#'], targets: ['events'] });
    metrics.record('inbound', 'consumed', 'telemetry/#', true, T0 + 0);
    metrics.record('inbound', 'consumed', 'telemetry/#', true, T0 + 1000);
    metrics.record('outbound', 'published', '_responses', false, T0 + 2000);
    const json = metrics.toJson(at(3000));
    expect(dig(json, 'connectionMetrics.inbound.consumed')).toEqual({
      success: { PT1M: 2, PT1H: 2, PT24H: 2, lastMessageAt: '2024-01-06T14:00:01Z' },
      failure: { PT1M: 0, PT1H: 0, PT24H: 0, lastMessageAt: null },
    });
    expect(Object.keys(dig(json, 'connectionMetrics.inbound') as object)).toEqual(['consumed', 'mapped', 'dropped', 'enforced', 'acknowledged', 'throttled', 'other']);
    expect(dig(json, 'connectionMetrics.outbound.published.failure.PT1M')).toBe(1);
    expect(json['containsFailures']).toBe(true);
    expect(Object.keys(dig(json, 'targetMetrics.addressMetrics') as object)).toEqual(['events', '_responses']);
    expect(dig(dig(json, 'sourceMetrics.addressMetrics'), 'telemetry/#.consumed.success.PT24H')).toBe(2);
  });

  it('moves counts out of the minute window as time passes', () => {
    const metrics = new ConnectionMetrics();
    metrics.record('inbound', 'consumed', 'a', true, T0 + 0);
    const json = metrics.toJson(at(2 * 60_000));
    expect(dig(json, 'connectionMetrics.inbound.consumed.success')).toMatchObject({ PT1M: 0, PT1H: 1, PT24H: 1 });
  });

  it('reset zeroes the windows and keeps lastMessageAt', () => {
    const metrics = new ConnectionMetrics();
    metrics.record('outbound', 'published', 'events', false, T0 + 0);
    metrics.reset();
    const json = metrics.toJson(at(1000));
    expect(dig(json, 'connectionMetrics.outbound.published.failure')).toEqual({ PT1M: 0, PT1H: 0, PT24H: 0, lastMessageAt: '2024-01-06T14:00:00Z' });
    expect(json['containsFailures']).toBe(false);
    expect(dig(json, 'connectionMetrics.inbound')).toBeNull();
    expect(dig(json, 'sourceMetrics.addressMetrics')).toBeNull();
  });
});
