import { formatInstant } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import type { LogEntry } from './log-entry.js';

/** Largest logs response body part, in bytes of serialised entries (management.md §8.3). */
export const MAX_LOG_RESPONSE_BYTES = 250_000;

const loggerKinds: Partial<Record<string, Record<string, string>>> = {};

/** `category|type`, built once per pair. */
function loggerKind(category: string, type: string): string {
  const byType = (loggerKinds[category] ??= {});
  return (byType[type] ??= `${category}|${type}`);
}

/** A bounded ring of the latest entries: a full ring overwrites its oldest entry in place. */
class Ring {
  private readonly entries: LogEntry[] = [];
  private next = 0;
  constructor(private readonly capacity: number) {}
  push(entry: LogEntry): void {
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }
  /** Oldest first. */
  all(): readonly LogEntry[] {
    return this.entries.length < this.capacity ? this.entries : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }
}

/**
 * The connection logs of one connection (management.md §8.2): muted by default; enabled for a
 * duration by create/open/enable, and each retrieval while enabled extends it (divergence 27).
 * One logger per (category, type, address) keeps the latest `capacity` success and `capacity`
 * failure entries. Expiry is judged when asked, so no timer has to run per connection.
 */
export class ConnectionLogBook {
  private enabledSince: Date | undefined;
  private enabledUntil: Date | undefined;
  /** Loggers by category + type, then address: nested so that logging an entry builds no key string. */
  private readonly loggers = new Map<string, Map<string, { success: Ring; failure: Ring }>>();

  constructor(
    private readonly durationMs: number,
    private readonly capacity: number,
  ) {}

  enable(now: Date): void {
    if (!this.isEnabled(now)) this.enabledSince = now;
    this.enabledUntil = new Date(now.getTime() + this.durationMs);
  }

  disable(): void {
    this.enabledSince = undefined;
    this.enabledUntil = undefined;
  }

  /** Whether entries are kept at `now` (a date or epoch milliseconds: the hot path has no Date at hand). */
  isEnabled(now: Date | number): boolean {
    return this.enabledUntil !== undefined && this.enabledUntil.getTime() > (typeof now === 'number' ? now : now.getTime());
  }

  /** Keeps the entry when logging is enabled; returns whether it was kept. */
  add(entry: LogEntry, now: Date | number): boolean {
    if (!this.isEnabled(now)) return false;
    const kind = loggerKind(entry.category, entry.type);
    let byAddress = this.loggers.get(kind);
    if (byAddress === undefined) this.loggers.set(kind, (byAddress = new Map()));
    const address = entry.address ?? '';
    let logger = byAddress.get(address);
    if (!logger) {
      logger = { success: new Ring(this.capacity), failure: new Ring(this.capacity) };
      byAddress.set(address, logger);
    }
    logger[entry.level].push(entry);
    return true;
  }

  /** Clears every entry; the enable state stays. */
  reset(): void {
    this.loggers.clear();
  }

  /**
   * The fields of a logs response: entries newest first while their serialised size stays within
   * the cap, then returned oldest first. A retrieval while enabled extends the enabled period.
   */
  retrieve(now: Date): JsonObject {
    if (!this.isEnabled(now)) this.disable();
    else this.enable(now);
    const newestFirst = [...this.loggers.values()].flatMap((byAddress) => [...byAddress.values()]).flatMap((logger) => [...logger.success.all(), ...logger.failure.all()]).sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    const kept: LogEntry[] = [];
    let bytes = 0;
    for (const entry of newestFirst) {
      bytes += Buffer.byteLength(JSON.stringify(entry));
      if (bytes > MAX_LOG_RESPONSE_BYTES) break;
      kept.push(entry);
    }
    return {
      connectionLogs: kept.reverse() as unknown as JsonObject[],
      enabledSince: this.enabledSince ? formatInstant(this.enabledSince.getTime()) : null,
      enabledUntil: this.enabledUntil ? formatInstant(this.enabledUntil.getTime()) : null,
    };
  }
}
