import { FluentClient } from '@fluent-org/logger';
import type { Logger } from 'pino';
import { CORRELATION_ID_NOT_PROVIDED } from './log-entry.js';
import type { LogEntry } from './log-entry.js';

/** Where connection log entries go besides the in-memory log book. */
export interface LogForwarder {
  forward(connectionId: string, entry: LogEntry): void;
  close(): Promise<void>;
}

/** Settings of {@link FluentdForwarder} (`config.logs.fluentd`). */
export interface FluentdSettings {
  readonly host: string;
  readonly port: number;
  /** Tag of each record: `<tagPrefix>:<connectionId>` (Ditto's default tag is `connection:<id>`). */
  readonly tagPrefix: string;
}

/**
 * Forwards every connection log entry to Fluentd / Fluent Bit over the forward protocol
 * (management.md §11), whether or not in-memory logging is enabled (divergence 31). The client
 * buffers and reconnects on its own; a lost entry is reported to the service log, never thrown.
 */
export class FluentdForwarder implements LogForwarder {
  private readonly client: FluentClient;

  constructor(
    private readonly settings: FluentdSettings,
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {
    this.client = new FluentClient(null, {
      socket: { host: settings.host, port: settings.port, timeout: 5_000 },
      eventMode: 'Message',
      milliseconds: true,
      disconnect: { waitForPending: true, waitForPendingDelay: 5_000, socketDisconnectDelay: 0 },
    });
  }

  forward(connectionId: string, entry: LogEntry): void {
    const tag = `${this.settings.tagPrefix}:${connectionId}`;
    this.client.emit(tag, fluentRecord(connectionId, entry, this.instanceId), new Date(entry.timestamp)).catch((error: unknown) => {
      this.logger.warn({ connectionId, err: error }, 'A connection log entry could not be forwarded to Fluentd.');
    });
  }

  async close(): Promise<void> {
    await this.client.shutdown().catch(() => undefined);
  }
}

/** The record of one entry, fields in the order of management.md §11. */
export function fluentRecord(connectionId: string, entry: LogEntry, instanceId: string): Record<string, string> {
  return {
    connectionId,
    level: entry.level,
    category: entry.category,
    type: entry.type,
    ...(entry.correlationId !== CORRELATION_ID_NOT_PROVIDED ? { correlationId: entry.correlationId } : {}),
    ...(entry.address !== undefined ? { address: entry.address } : {}),
    ...(entry.entityType !== undefined && entry.entityId !== undefined ? { entityType: entry.entityType, entityId: entry.entityId } : {}),
    message: entry.message,
    instanceId,
  };
}
