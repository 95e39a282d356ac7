const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  // Calendar approximations of Ditto's offsets: 30.436875 days and 365.2425 days (whole seconds).
  mo: 2_629_746_000,
  y: 31_556_952_000,
};

const TIME_NAME = /^(now|now_epoch_millis)(?:([+-])(\d+)(ms|mo|s|m|h|d|w|y)?)?(?:\[(ms|mo|s|m|h|d|w|y)\])?$/;

/** Start of the unit containing `ms` (UTC; weeks start on Monday). */
function truncate(ms: number, unit: string): number {
  const date = new Date(ms);
  switch (unit) {
    case 'w': {
      const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      return midnight - sinceMonday * UNIT_MS['d']!;
    }
    case 'mo':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case 'y':
      return Date.UTC(date.getUTCFullYear(), 0, 1);
    default: {
      const size = UNIT_MS[unit] ?? 1;
      return Math.floor(ms / size) * size;
    }
  }
}

/** ISO-8601 UTC instant, the fraction only when non-zero (millisecond precision). */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * The text of a `time:` placeholder (`name` without the prefix) at `now`, or `undefined` when the name
 * is not supported (`now`/`now_epoch_millis`, optional `±<n><unit>` offset — seconds without unit —
 * and optional `[<unit>]` truncation; truncation is computed in UTC).
 */
export function resolveTimeValue(name: string, now: Date): string | undefined {
  const match = TIME_NAME.exec(name);
  if (match === null) return undefined;
  const [, kind, sign, amount, unit, truncation] = match;
  let ms = now.getTime();
  if (sign !== undefined && amount !== undefined) {
    const offset = Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1000);
    ms += sign === '-' ? -offset : offset;
  }
  if (truncation !== undefined) ms = truncate(ms, truncation);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return kind === 'now' ? formatInstant(ms) : String(ms);
}
