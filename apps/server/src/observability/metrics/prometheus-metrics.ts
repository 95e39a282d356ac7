import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricDirection, MetricType } from './metric-types.js';

/**
 * The operational export of the message counters (management.md §7.3, optional part): a monotonic
 * `connection_messages_total` with the tags Ditto uses (`id`, `type` = connection type, `category` =
 * metric type, `direction`) plus `level`. Resets of the API metrics do not touch it (counters stay
 * monotonic); a deleted connection's series are removed.
 */
interface Series {
  readonly labels: Record<string, string>;
  value: number;
  exported: number;
}

type SeriesPair = [success: Series, failure: Series];

function seriesOf(series: Map<string, Series>, id: string, type: string, direction: MetricDirection, category: MetricType, level: 'success' | 'failure'): Series {
  const key = `${type}|${category}|${direction}|${level}`;
  let entry = series.get(key);
  if (entry === undefined) {
    entry = { labels: { id, type, category, direction, level }, value: 0, exported: 0 };
    series.set(key, entry);
  }
  return entry;
}

export class PrometheusMetrics {
  readonly registry = new Registry();
  /** Per connection, each series' label values and counts: the hot path only increments a number; scrapes add the difference to the exported counter. */
  private readonly series = new Map<string, Map<string, Series>>();

  constructor() {
    // Process CPU, memory, event-loop delay and GC pauses: what operators and tools/bench read per message.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    const series = this.series;
    new Counter({
      name: 'connection_messages_total',
      help: 'Messages processed by connections, per connection, connection type, metric type, direction and level.',
      labelNames: ['id', 'type', 'category', 'direction', 'level'],
      registers: [this.registry],
      collect() {
        for (const ofConnection of series.values()) for (const entry of ofConnection.values()) {
          if (entry.value > entry.exported) this.inc(entry.labels, entry.value - entry.exported);
          entry.exported = entry.value;
        }
      },
    });
  }

  /**
   * The message counter of one connection: counting is then a lookup by metric type, not a label
   * hash. Labels are only ids and enum values: never addresses or URIs, which may carry secrets.
   */
  counterOf(connectionId: string, connectionType: string): (direction: MetricDirection, type: MetricType, success: boolean) => void {
    let ofConnection = this.series.get(connectionId);
    if (ofConnection === undefined) {
      ofConnection = new Map();
      this.series.set(connectionId, ofConnection);
    }
    const series = ofConnection;
    const byDirection = { inbound: new Map<MetricType, SeriesPair>(), outbound: new Map<MetricType, SeriesPair>() };
    return (direction, type, success) => {
      let pair = byDirection[direction].get(type);
      if (pair === undefined) {
        pair = [seriesOf(series, connectionId, connectionType, direction, type, 'success'), seriesOf(series, connectionId, connectionType, direction, type, 'failure')];
        byDirection[direction].set(type, pair);
      }
      pair[success ? 0 : 1].value++;
    };
  }

  forget(connectionId: string): void {
    const counter = this.registry.getSingleMetric('connection_messages_total') as Counter | undefined;
    for (const { labels } of this.series.get(connectionId)?.values() ?? []) counter?.remove(labels);
    this.series.delete(connectionId);
  }
}
