/** A duration as Ditto writes it in policies: an amount and a unit suffix (`""` means seconds). */
export interface DittoDuration {
  readonly amount: number;
  readonly unit: DittoDurationUnit;
}

/** The unit suffixes of Ditto's `DittoDuration` this backend reads (calendar months and years are not supported). */
export type DittoDurationUnit = 'ms' | 's' | '' | 'm' | 'h' | 'd' | 'w';

const UNIT_MS: Readonly<Record<DittoDurationUnit, number>> = { ms: 1, s: 1000, '': 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^\+?(\d{1,15})(ms|s|m|h|d|w)?$/;

/** Parses `5m`, `30s`, `250ms`, `30` (seconds) …; `undefined` for anything else, negative amounts included. */
export function parseDittoDuration(text: string): DittoDuration | undefined {
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  return { amount: Number(match[1]), unit: (match[2] ?? '') as DittoDurationUnit };
}

/** The duration in milliseconds. */
export function durationMs(duration: DittoDuration): number {
  return duration.amount * UNIT_MS[duration.unit];
}

/** The text form Ditto stores: amount and suffix. */
export function formatDittoDuration(duration: DittoDuration): string {
  return `${duration.amount}${duration.unit}`;
}

/**
 * The duration rounded up to a multiple of `granularityMs` (at least one granularity), kept in its
 * own unit and truncated to whole units — Ditto's rounding of `beforeExpiry` (`setAmount`).
 */
export function roundUpDuration(duration: DittoDuration, granularityMs: number): DittoDuration {
  const granularity = Math.max(1, granularityMs);
  const rounded = Math.ceil(Math.max(granularity, durationMs(duration)) / granularity) * granularity;
  return { amount: Math.max(1, Math.floor(rounded / UNIT_MS[duration.unit])), unit: duration.unit };
}
