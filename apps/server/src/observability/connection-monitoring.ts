import { formatInstant } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import { defaultLogText } from './log-texts.js';
import { ConnectionLogBook } from './logs/connection-log-book.js';
import type { LogForwarder } from './logs/fluentd-forwarder.js';
import { CORRELATION_ID_NOT_PROVIDED } from './logs/log-entry.js';
import type { LogCategory, LogEntry } from './logs/log-entry.js';
import { CLOSED_METRICS, ConnectionMetrics } from './metrics/connection-metrics.js';
import type { MetricAddresses } from './metrics/connection-metrics.js';
import { RESPONSES_ADDRESS } from './metrics/metric-types.js';
import type { MetricDirection, MetricType } from './metrics/metric-types.js';
import type { PrometheusMetrics } from './metrics/prometheus-metrics.js';

/** One counted (and, while logging is enabled, logged) step of a message. */
export interface MessageRecord {
  readonly direction: MetricDirection;
  readonly type: MetricType;
  /** The source address, the target address as configured, or `_responses` for reply targets. */
  readonly address: string;
  readonly success: boolean;
  /** Log text; Ditto's default text for the category and type when absent. */
  readonly message?: string;
  readonly correlationId?: string;
  readonly entityType?: string;
  readonly entityId?: string;
}

/**
 * What the inbound and outbound pipelines (and the engine) call for one connection: every call is
 * counted in the API metrics and Prometheus, logged in the connection logs while enabled, and
 * forwarded to Fluentd when configured.
 */
export interface ConnectionRecorder {
  record(record: MessageRecord): void;
  /** A `connection`-category entry: connect, disconnect, failures of the connection and its clients. */
  connectionEvent(success: boolean, message: string): void;
}

/** Settings of {@link ConnectionMonitoring}. */
export interface MonitoringOptions {
  readonly logDurationMs: number;
  readonly logCapacity: number;
  readonly prometheus: PrometheusMetrics;
  readonly forwarder?: LogForwarder;
  readonly now?: () => Date;
}

type MessageCounter = ReturnType<PrometheusMetrics['counterOf']>;

interface Monitored {
  readonly metrics: ConnectionMetrics;
  readonly logs: ConnectionLogBook;
  readonly recorders: Map<string, ConnectionRecorder>;
}

/** Metrics and connection logs of every connection of the service (management.md §7, §8). */
export class ConnectionMonitoring {
  private readonly connections = new Map<string, Monitored>();
  private readonly now: () => Date;
  /** The last formatted log timestamp: many entries share a millisecond under load. */
  private stamp = { at: Number.NaN, text: '' };

  constructor(private readonly options: MonitoringOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private nowMs(): number {
    return this.options.now === undefined ? Date.now() : this.options.now().getTime();
  }

  /** The recorder of one connection, made once per connection (and type): pipelines ask for it per signal. */
  recorder(connectionId: string, connectionType: string): ConnectionRecorder {
    const monitored = this.entry(connectionId);
    let recorder = monitored.recorders.get(connectionType);
    if (recorder === undefined) {
      const count = this.options.prometheus.counterOf(connectionId, connectionType);
      recorder = {
        record: (record) => this.record(connectionId, monitored, count, record),
        connectionEvent: (success, message) => this.log(connectionId, monitored, 'connection', { type: 'other', success, message }, this.nowMs()),
      };
      monitored.recorders.set(connectionType, recorder);
    }
    return recorder;
  }

  /** Called when clients start: every configured address and type shows up in the metrics, zero until counted. */
  prepareMetrics(connectionId: string, addresses: MetricAddresses): void {
    this.entry(connectionId).metrics.prepare(addresses);
  }

  /** The metric fields of a metrics response; `running` false gives the closed answer (all null). */
  metricsJson(connectionId: string, running: boolean): JsonObject {
    const monitored = this.connections.get(connectionId);
    return running && monitored ? monitored.metrics.toJson(this.now()) : CLOSED_METRICS;
  }

  resetMetrics(connectionId: string): void {
    this.connections.get(connectionId)?.metrics.reset();
  }

  enableLogs(connectionId: string): void {
    this.entry(connectionId).logs.enable(this.now());
  }

  /** The log fields of a logs response; `running` false gives the closed answer (no entries, null times). */
  logsJson(connectionId: string, running: boolean): JsonObject {
    const monitored = this.connections.get(connectionId);
    if (!running || !monitored) return { connectionLogs: [], enabledSince: null, enabledUntil: null };
    return monitored.logs.retrieve(this.now());
  }

  resetLogs(connectionId: string): void {
    this.connections.get(connectionId)?.logs.reset();
  }

  /** An entry recorded elsewhere (`sudoAddConnectionLogEntry`). */
  addLogEntry(connectionId: string, entry: LogEntry): void {
    this.entry(connectionId).logs.add(entry, this.now());
    this.options.forwarder?.forward(connectionId, entry);
  }

  /** A deleted connection: metrics, logs and its Prometheus series are discarded (management.md §4.6). */
  forget(connectionId: string): void {
    this.connections.delete(connectionId);
    this.options.prometheus.forget(connectionId);
  }

  // Runs several times per message: no spreads, no Date unless an entry is logged.
  private record(connectionId: string, monitored: Monitored, count: MessageCounter, record: MessageRecord): void {
    const nowMs = this.nowMs();
    monitored.metrics.record(record.direction, record.type, record.address, record.success, nowMs);
    count(record.direction, record.type, record.success);
    const category: LogCategory = record.direction === 'inbound' ? 'source' : record.address === RESPONSES_ADDRESS ? 'response' : 'target';
    this.log(connectionId, monitored, category, record, nowMs);
  }

  private log(connectionId: string, monitored: Monitored, category: LogCategory, item: Omit<MessageRecord, 'direction' | 'address'> & { address?: string }, nowMs: number): void {
    const logs = monitored.logs;
    // Most messages pass while nobody listens: build no entry then.
    if (this.options.forwarder === undefined && !logs.isEnabled(nowMs)) return;
    const entry: { -readonly [K in keyof LogEntry]: LogEntry[K] } = {
      correlationId: item.correlationId ?? CORRELATION_ID_NOT_PROVIDED,
      timestamp: this.timestamp(nowMs),
      category,
      type: item.type,
      level: item.success ? 'success' : 'failure',
      message: item.message ?? defaultLogText(category, item.type, item.success),
    };
    if (item.address !== undefined) entry.address = item.address;
    if (item.entityType !== undefined && item.entityId !== undefined) {
      entry.entityType = item.entityType;
      entry.entityId = item.entityId;
    }
    logs.add(entry, nowMs);
    this.options.forwarder?.forward(connectionId, entry);
  }

  private timestamp(at: number): string {
    if (this.stamp.at !== at) this.stamp = { at, text: formatInstant(at) };
    return this.stamp.text;
  }

  private entry(connectionId: string): Monitored {
    let monitored = this.connections.get(connectionId);
    if (!monitored) {
      monitored = { metrics: new ConnectionMetrics(), logs: new ConnectionLogBook(this.options.logDurationMs, this.options.logCapacity), recorders: new Map() };
      this.connections.set(connectionId, monitored);
    }
    return monitored;
  }
}
