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
  /** Per connection, the label values and bound child counter of each series: counting is a map lookup, not a label hash. */
  private readonly series = new Map<string, Map<string, { labels: Record<string, string>; counter: Counter.Internal }>>();

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
    let ofConnection = this.series.get(labels.connectionId);
    if (ofConnection === undefined) {
      ofConnection = new Map();
      this.series.set(labels.connectionId, ofConnection);
    }
    const level = labels.success ? 'success' : 'failure';
    const key = `${labels.connectionType}|${labels.type}|${labels.direction}|${level}`;
    let entry = ofConnection.get(key);
    if (entry === undefined) {
      const values = { id: labels.connectionId, type: labels.connectionType, category: labels.type, direction: labels.direction, level };
      entry = { labels: values, counter: this.messages.labels(values) };
      ofConnection.set(key, entry);
    }
    entry.counter.inc();
  }

  forget(connectionId: string): void {
    for (const { labels } of this.series.get(connectionId)?.values() ?? []) this.messages.remove(labels);
    this.series.delete(connectionId);
  }
}
