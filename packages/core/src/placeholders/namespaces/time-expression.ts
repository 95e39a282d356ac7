/** A parsed `time:` name: `now` / `now_epoch_millis` with an optional offset and truncation. */
export interface TimeExpression {
  readonly format: 'iso' | 'epoch-millis';
  /** Offset in milliseconds (negative = past). */
  readonly offsetMillis: bigint;
  readonly truncateTo?: TimeUnit;
  /** Ditto resolves names such as `nownow` to nothing. */
  readonly resolvesToNothing?: true;
}

type TimeUnit = 's' | '' | 'ms' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'y';

const MS_PER_SECOND = 1000n;
// Ditto's units in its matching order; `''` (implicit seconds) comes right after `s`.
const UNITS: readonly TimeUnit[] = ['s', '', 'ms', 'm', 'h', 'd', 'w', 'mo', 'y'];
const UNIT_PATTERNS = new Map(UNITS.map((unit) => [unit, new RegExp(`^([+-]?[0-9]+)${unit}$`)]));
const LONG_MAX = 2n ** 63n - 1n;

function isUnit(value: string): value is TimeUnit {
  return (UNITS as readonly string[]).includes(value);
}

/** Ditto's `DittoDuration.parseDuration` in milliseconds; `undefined` when invalid or negative. */
function parseDurationMillis(text: string): bigint | undefined {
  for (const unit of UNITS) {
    const match = UNIT_PATTERNS.get(unit)?.exec(text);
    if (!match?.[1]) continue;
    const amount = BigInt(match[1]);
    if (amount < 0n || amount > LONG_MAX) return undefined;
    // weeks, months and years go through Java's int-based Period (the amount is truncated to 32 bits)
    const asInt = BigInt.asIntN(32, amount);
    switch (unit) {
      case 'ms': return amount;
      case 's': case '': return amount * MS_PER_SECOND;
      case 'm': return amount * 60n * MS_PER_SECOND;
      case 'h': return amount * 3600n * MS_PER_SECOND;
      case 'd': return amount * 86400n * MS_PER_SECOND;
      case 'w': return asInt * 7n * 86400n * MS_PER_SECOND;
      case 'mo': return asInt * 2629746n * MS_PER_SECOND;
      case 'y': return asInt * 31556952n * MS_PER_SECOND;
    }
  }
  return undefined;
}

// Ditto reads the truncation unit between the first `[` and the last `]`.
function truncationUnit(suffix: string): TimeUnit | undefined {
  const afterOpen = suffix.slice(suffix.indexOf('[') + 1);
  const close = afterOpen.lastIndexOf(']');
  if (close < 0) return undefined;
  const unit = afterOpen.slice(0, close);
  return isUnit(unit) ? unit : undefined;
}

/** Parses a `time:` name; `undefined` when Ditto does not support it. */
export function parseTimeExpression(name: string): TimeExpression | undefined {
  const word = name.startsWith('now_epoch_millis') ? 'now_epoch_millis' : name.startsWith('now') ? 'now' : undefined;
  if (word === undefined) return undefined;
  const format = word === 'now' ? 'iso' : 'epoch-millis';
  // Ditto removes every occurrence of the word, not just the leading one
  const suffix = name.replaceAll(word, '');
  if (suffix === '') return name === word ? { format, offsetMillis: 0n } : { format, offsetMillis: 0n, resolvesToNothing: true };
  const hasTruncation = suffix.includes('[') && suffix.includes(']');
  const truncateTo = hasTruncation ? truncationUnit(suffix) : undefined;
  if (hasTruncation && truncateTo === undefined) return undefined;
  const sign = suffix[0];
  if (sign !== '+' && sign !== '-') {
    return truncateTo !== undefined ? { format, offsetMillis: 0n, truncateTo } : undefined;
  }
  const bracket = suffix.indexOf('[');
  const durationText = hasTruncation ? suffix.slice(1, bracket) : suffix.slice(1);
  const millis = parseDurationMillis(durationText);
  if (millis === undefined) return undefined;
  const offsetMillis = sign === '-' ? -millis : millis;
  return truncateTo !== undefined ? { format, offsetMillis, truncateTo } : { format, offsetMillis };
}

const MAX_DATE_MILLIS = 8_640_000_000_000_000n;

function truncate(epochMillis: number, unit: TimeUnit): number {
  const floorTo = (size: number): number => Math.floor(epochMillis / size) * size;
  switch (unit) {
    case 'ms': return epochMillis;
    case 's': case '': return floorTo(1000);
    case 'm': return floorTo(60_000);
    case 'h': return floorTo(3_600_000);
    case 'd': return floorTo(86_400_000);
    default: {
      // weeks, months and years follow the server time zone
      const local = new Date(epochMillis);
      const year = local.getFullYear();
      if (unit === 'y') return new Date(year, 0, 1).getTime();
      if (unit === 'mo') return new Date(year, local.getMonth(), 1).getTime();
      const sinceMonday = (local.getDay() + 6) % 7;
      return new Date(year, local.getMonth(), local.getDate() - sinceMonday).getTime();
    }
  }
}

/** Java's `Instant.toString()` at millisecond precision: no fraction when it is zero. */
export function formatInstant(epochMillis: number): string {
  const date = new Date(epochMillis);
  const year = date.getUTCFullYear();
  let text = date.toISOString();
  if (year < 0 || year > 9999) {
    const yearText = year > 9999 ? `+${year}` : `-${String(-year).padStart(4, '0')}`;
    text = yearText + text.slice(text.indexOf('-', 1));
  }
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

/** Evaluates a parsed `time:` expression at `nowMillis`; throws a plain Error outside the supported range. */
export function evaluateTimeExpression(expression: TimeExpression, nowMillis: number): string[] {
  if (expression.resolvesToNothing) return [];
  const shifted = BigInt(Math.trunc(nowMillis)) + expression.offsetMillis;
  if (shifted > MAX_DATE_MILLIS || shifted < -MAX_DATE_MILLIS) throw new Error('The time is out of the supported range.');
  let millis = Number(shifted);
  if (expression.truncateTo !== undefined) millis = truncate(millis, expression.truncateTo);
  if (!Number.isFinite(millis)) throw new Error('The time is out of the supported range.');
  return [expression.format === 'iso' ? formatInstant(millis) : String(millis)];
}
