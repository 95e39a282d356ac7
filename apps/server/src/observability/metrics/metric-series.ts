import { formatInstant } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import { SlidingWindow } from './sliding-window.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The windows Ditto reports, keyed by their ISO-8601 durations (management.md §7.2). */
const WINDOWS = [
  { key: 'PT1M', slotMs: 10 * SECOND, slots: 6 },
  { key: 'PT1H', slotMs: MINUTE, slots: 60 },
  { key: 'PT24H', slotMs: HOUR, slots: 24 },
] as const;

/**
 * One success or failure series: three sliding windows and the time of the last event. The windows
 * are made at the first event: most series of a connection (every type × address is reported) never
 * see one, and an idle connection should cost next to nothing.
 */
export class MetricSeries {
  private windows: SlidingWindow[] | undefined;
  private lastMs: number | undefined;

  /** One event at `atMs` (epoch milliseconds). */
  add(atMs: number): void {
    this.windows ??= WINDOWS.map((window) => new SlidingWindow(window.slotMs, window.slots));
    for (const window of this.windows) window.add(atMs);
    this.lastMs = atMs;
  }

  /** Zeroes the windows; the time of the last event stays (Ditto keeps it across resets). */
  reset(): void {
    for (const window of this.windows ?? []) window.reset();
  }

  get lastMessageAt(): Date | undefined {
    return this.lastMs === undefined ? undefined : new Date(this.lastMs);
  }

  counts(now: Date): number[] {
    return this.windows === undefined ? WINDOWS.map(() => 0) : this.windows.map((window) => window.total(now.getTime()));
  }
}

/** `{PT1M, PT1H, PT24H, lastMessageAt}` summed over several series (an address, or all of a direction). */
export function seriesJson(series: readonly MetricSeries[], now: Date): JsonObject {
  const totals = WINDOWS.map(() => 0);
  let last: Date | undefined;
  for (const one of series) {
    one.counts(now).forEach((count, index) => (totals[index] = (totals[index] ?? 0) + count));
    if (one.lastMessageAt && (!last || one.lastMessageAt > last)) last = one.lastMessageAt;
  }
  const json: Record<string, number | string | null> = {};
  WINDOWS.forEach((window, index) => (json[window.key] = totals[index] ?? 0));
  json['lastMessageAt'] = last ? formatInstant(last.getTime()) : null;
  return json;
}
