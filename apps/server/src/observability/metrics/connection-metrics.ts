import type { JsonObject } from '@twinlink/core';
import { MetricSeries, seriesJson } from './metric-series.js';
import { METRIC_TYPES, RESPONSES_ADDRESS } from './metric-types.js';
import type { MetricDirection, MetricType } from './metric-types.js';

interface Counter {
  readonly success: MetricSeries;
  readonly failure: MetricSeries;
}

/** The addresses a connection reports metrics for: its source addresses and target addresses. */
export interface MetricAddresses {
  readonly sources: readonly string[];
  readonly targets: readonly string[];
}

/**
 * The in-memory counters of one connection: per direction × address × type a success and a failure
 * series (management.md §7). Serialised in Ditto's response shape.
 */
export class ConnectionMetrics {
  private readonly counters = new Map<MetricDirection, Map<string, Map<MetricType, Counter>>>([
    ['inbound', new Map()],
    ['outbound', new Map()],
  ]);

  /** Makes every applicable type of every configured address appear, zero until counted (§7.3). */
  prepare(addresses: MetricAddresses): void {
    for (const address of addresses.sources) for (const type of METRIC_TYPES.inbound) this.counter('inbound', address, type);
    for (const address of [...addresses.targets, RESPONSES_ADDRESS]) for (const type of METRIC_TYPES.outbound) this.counter('outbound', address, type);
  }

  /** Counts one event at `atMs` (epoch milliseconds). */
  record(direction: MetricDirection, type: MetricType, address: string, success: boolean, atMs: number): void {
    const counter = this.counter(direction, address, type);
    (success ? counter.success : counter.failure).add(atMs);
  }

  /** Zeroes every window of every series; last-event times stay. */
  reset(): void {
    for (const byAddress of this.counters.values()) for (const byType of byAddress.values()) for (const counter of byType.values()) {
      counter.success.reset();
      counter.failure.reset();
    }
  }

  /** The metric fields of a retrieveConnectionMetrics response (without type, status, connectionId). */
  toJson(now: Date): JsonObject {
    const inbound = this.directionJson('inbound', now);
    const outbound = this.directionJson('outbound', now);
    return {
      connectionMetrics: { inbound, outbound },
      containsFailures: [inbound, outbound].some((direction) => hasFailures(direction)),
      sourceMetrics: { addressMetrics: this.addressMetricsJson('inbound', now) },
      targetMetrics: { addressMetrics: this.addressMetricsJson('outbound', now) },
    };
  }

  private directionJson(direction: MetricDirection, now: Date): JsonObject | null {
    const byAddress = this.counters.get(direction);
    if (!byAddress || byAddress.size === 0) return null;
    const byType = new Map<MetricType, Counter[]>();
    for (const counters of byAddress.values()) for (const [type, counter] of counters) byType.set(type, [...(byType.get(type) ?? []), counter]);
    return Object.fromEntries(
      [...byType].map(([type, counters]) => [type, { success: seriesJson(counters.map((c) => c.success), now), failure: seriesJson(counters.map((c) => c.failure), now) }]),
    );
  }

  private addressMetricsJson(direction: MetricDirection, now: Date): JsonObject | null {
    const byAddress = this.counters.get(direction);
    if (!byAddress || byAddress.size === 0) return null;
    return Object.fromEntries(
      [...byAddress].map(([address, byType]) => [
        address,
        Object.fromEntries([...byType].map(([type, counter]) => [type, { success: seriesJson([counter.success], now), failure: seriesJson([counter.failure], now) }])),
      ]),
    );
  }

  private counter(direction: MetricDirection, address: string, type: MetricType): Counter {
    const byAddress = this.counters.get(direction) ?? new Map<string, Map<MetricType, Counter>>();
    this.counters.set(direction, byAddress);
    const byType = byAddress.get(address) ?? new Map<MetricType, Counter>();
    byAddress.set(address, byType);
    let counter = byType.get(type);
    if (!counter) {
      counter = { success: new MetricSeries(), failure: new MetricSeries() };
      byType.set(type, counter);
    }
    return counter;
  }
}

/** The response of a connection without running clients (§7.3). */
export const CLOSED_METRICS: JsonObject = {
  connectionMetrics: { inbound: null, outbound: null },
  containsFailures: false,
  sourceMetrics: { addressMetrics: null },
  targetMetrics: { addressMetrics: null },
};

function hasFailures(direction: JsonObject | null): boolean {
  if (!direction) return false;
  return Object.values(direction).some((type) => {
    const failure = (type as { failure?: Record<string, unknown> }).failure ?? {};
    return ['PT1M', 'PT1H', 'PT24H'].some((key) => typeof failure[key] === 'number' && (failure[key] as number) > 0);
  });
}
