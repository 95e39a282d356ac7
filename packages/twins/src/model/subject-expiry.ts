import { ownValue } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import { subjectExpiryInvalid } from '../errors/policy-errors.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Java's Instant.parse: date, time with seconds, up to nine fraction digits, `Z` or an offset.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of an ISO-8601 timestamp in ms; `undefined` when it is none (impossible dates such as Feb 31 included). */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[8] as string;
  if (zone === 'Z') return local;
  const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * MINUTE;
  return zone.startsWith('-') ? local + offset : local - offset;
}

/** An instant as Java's `Instant.toString` writes it (and Ditto stores it): no fraction when it is zero. */
export function instantText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Start of the unit the granularity unit counts in: the month for days (UTC), else the next larger unit. */
function parentStart(ms: number, unitMs: number): number {
  if (unitMs === DAY) {
    const date = new Date(ms);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
  const parentMs = unitMs === HOUR ? DAY : unitMs === MINUTE ? HOUR : unitMs === 1000 ? MINUTE : 1000;
  return Math.floor(ms / parentMs) * parentMs;
}

/**
 * Rounds an expiry up like Ditto's `subject-expiry-granularity`: the granularity is taken in its
 * largest whole unit (days, hours, minutes, seconds, ms) and the expiry goes up to the next multiple
 * of it counted from the start of the enclosing unit — `1h`: the next full hour, `30s`: the next
 * half minute, `15d`: the 1st or 16th of a month. 0 leaves it as it is.
 */
export function roundUpExpiry(ms: number, granularityMs: number): number {
  const unitMs = [DAY, HOUR, MINUTE, 1000, 1].find((unit) => granularityMs >= unit);
  if (unitMs === undefined) return ms;
  const amount = Math.floor(granularityMs / unitMs);
  const truncated = Math.floor(ms / unitMs) * unitMs;
  const offset = Math.round((truncated - parentStart(ms, unitMs)) / unitMs) % amount;
  if (truncated === ms && offset === 0) return ms;
  return truncated + (amount - offset) * unitMs;
}

/**
 * The `expiry` of a subject rounded up to the granularity, in Ditto's text form; `undefined` when
 * the subject has none.
 * @throws DittoError `policies:subjectexpiry.invalid` (400) when it is no timestamp or the rounded one is past `now`
 */
export function normalizedExpiry(subject: JsonObject, granularityMs: number, now: number): string | undefined {
  const expiry = ownValue(subject, 'expiry');
  if (expiry === undefined) return undefined;
  const text = typeof expiry === 'string' ? expiry : JSON.stringify(expiry);
  const parsed = typeof expiry === 'string' ? parseInstant(expiry) : undefined;
  if (parsed === undefined) throw subjectExpiryInvalid(text, false);
  const rounded = roundUpExpiry(parsed, granularityMs);
  if (rounded < now) throw subjectExpiryInvalid(instantText(rounded), true);
  return instantText(rounded);
}

/** The expiry of a stored (validated) subject in ms; `undefined` when it has none. */
export function expiryOf(subject: JsonObject): number | undefined {
  const expiry = ownValue(subject, 'expiry');
  return typeof expiry === 'string' ? parseInstant(expiry) : undefined;
}
