import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricDirection, MetricType } from './metric-types.js';

/** Labels of one counted message. Only ids and enum values: never addresses or URIs, which may carry secrets. */
export interface MessageLabels {
  readonly connectionId: string;
  readonly connectionType: string;
  readonly direction: MetricDirection;
  readonly type: MetricType;
  readonly success: boolean;
}

/**
 * The operational export of the message counters (management.md §7.3, optional part): a monotonic
 * `connection_messages_total` with the tags Ditto uses (`id`, `type` = connection type, `category` =
 * metric type, `direction`) plus `level`. Resets of the API metrics do not touch it (counters stay
 * monotonic); a deleted connection's series are removed.
 */
export class PrometheusMetrics {
  readonly registry = new Registry();
  private readonly messages: Counter<'id' | 'type' | 'category' | 'direction' | 'level'>;
  private readonly seen = new Map<string, Map<string, Record<string, string>>>();

  constructor() {
    // Process CPU, memory, event-loop delay and GC pauses: what operators and tools/bench read per message.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.messages = new Counter({
      name: 'connection_messages_total',
      help: 'Messages processed by connections, per connection, connection type, metric type, direction and level.',
      labelNames: ['id', 'type', 'category', 'direction', 'level'],
      registers: [this.registry],
    });
  }

  count(labels: MessageLabels): void {
    const values = { id: labels.connectionId, type: labels.connectionType, category: labels.type, direction: labels.direction, level: labels.success ? 'success' : 'failure' };
    this.messages.inc(values);
    const series = this.seen.get(labels.connectionId) ?? new Map<string, Record<string, string>>();
    series.set(JSON.stringify(values), values);
    this.seen.set(labels.connectionId, series);
  }

  forget(connectionId: string): void {
    for (const values of this.seen.get(connectionId)?.values() ?? []) this.messages.remove(values);
    this.seen.delete(connectionId);
  }
}
