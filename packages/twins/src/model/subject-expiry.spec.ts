import { DittoError } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import { parseDittoDuration, roundUpDuration } from './ditto-duration.js';
import { normalizedAnnouncement } from './subject-announcement.js';
import { instantText, normalizedExpiry, parseInstant, roundUpExpiry } from './subject-expiry.js';

const at = (text: string): number => Date.parse(text);
const round = (text: string, granularityMs: number): string => instantText(roundUpExpiry(at(text), granularityMs));

function errorOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DittoError) return error.toJSON().error;
    throw error;
  }
  return undefined;
}

describe('subject expiry', () => {
  it('reads ISO-8601 instants like Java: Z or an offset, seconds required, no impossible dates', () => {
    expect(parseInstant('2030-03-03T16:05:55Z')).toBe(at('2030-03-03T16:05:55Z'));
    expect(parseInstant('2030-03-03T16:05:55.123456789Z')).toBe(at('2030-03-03T16:05:55.123Z'));
    expect(parseInstant('2030-03-03T17:05:55+01:00')).toBe(at('2030-03-03T16:05:55Z'));
    for (const invalid of ['2030-03-03T16:05Z', '2030-02-31T00:00:00Z', '2030-03-03 16:05:55Z', '2030-03-03T24:00:00Z', 'tomorrow']) expect(parseInstant(invalid)).toBeUndefined();
  });

  it('writes instants as Java does: no fraction when it is zero', () => {
    expect(instantText(at('2030-03-03T16:05:55Z'))).toBe('2030-03-03T16:05:55Z');
    expect(instantText(at('2030-03-03T16:05:55.120Z'))).toBe('2030-03-03T16:05:55.120Z');
  });

  it('rounds up to the granularity counted from the enclosing unit, like Ditto', () => {
    expect(round('2030-03-03T16:05:55Z', 3_600_000)).toBe('2030-03-03T17:00:00Z');
    expect(round('2030-03-03T17:00:00Z', 3_600_000)).toBe('2030-03-03T17:00:00Z');
    expect(round('2030-03-03T16:05:05Z', 30_000)).toBe('2030-03-03T16:05:30Z');
    expect(round('2030-03-03T16:05:45Z', 30_000)).toBe('2030-03-03T16:06:00Z');
    expect(round('2030-03-03T16:05:55.001Z', 1_000)).toBe('2030-03-03T16:05:56Z');
    expect(round('2030-03-03T13:00:00Z', 12 * 3_600_000)).toBe('2030-03-04T00:00:00Z');
    expect(round('2030-03-03T00:00:01Z', 86_400_000)).toBe('2030-03-04T00:00:00Z');
    expect(round('2030-03-03T10:00:00Z', 15 * 86_400_000)).toBe('2030-03-16T00:00:00Z');
    expect(round('2030-03-03T16:05:55.5Z', 0)).toBe('2030-03-03T16:05:55.500Z');
  });

  it('normalizes the expiry of a subject and refuses one that is unreadable or past', () => {
    const now = at('2030-03-03T16:00:00Z');
    expect(normalizedExpiry({ type: 't', expiry: '2030-03-03T16:05:55Z' }, 3_600_000, now)).toBe('2030-03-03T17:00:00Z');
    expect(normalizedExpiry({ type: 't' }, 3_600_000, now)).toBeUndefined();
    expect(errorOf(() => normalizedExpiry({ type: 't', expiry: 'soon' }, 3_600_000, now))).toBe('policies:subjectexpiry.invalid');
    expect(errorOf(() => normalizedExpiry({ type: 't', expiry: 42 }, 3_600_000, now))).toBe('policies:subjectexpiry.invalid');
    expect(errorOf(() => normalizedExpiry({ type: 't', expiry: '2030-03-03T15:59:59Z' }, 1_000, now))).toBe('policies:subjectexpiry.invalid');
    // Rounding happens first: an expiry a moment ago that rounds up into the future is accepted.
    expect(normalizedExpiry({ type: 't', expiry: '2030-03-03T15:59:59Z' }, 3_600_000, now)).toBe('2030-03-03T16:00:00Z');
  });
});

describe('subject announcement', () => {
  it('rounds beforeExpiry up to the granularity in its own unit', () => {
    expect(roundUpDuration(parseDittoDuration('5s')!, 60_000)).toEqual({ amount: 60, unit: 's' });
    expect(roundUpDuration(parseDittoDuration('90')!, 60_000)).toEqual({ amount: 120, unit: '' });
    expect(roundUpDuration(parseDittoDuration('2m')!, 60_000)).toEqual({ amount: 2, unit: 'm' });
    expect(roundUpDuration(parseDittoDuration('1h')!, 60_000)).toEqual({ amount: 1, unit: 'h' });
  });

  it("stores Ditto's form: whenDeleted always, empty parts left out", () => {
    expect(normalizedAnnouncement('a:b', { beforeExpiry: '5s' }, 60_000)).toEqual({ beforeExpiry: '60s', whenDeleted: false });
    expect(normalizedAnnouncement('a:b', { whenDeleted: true, requestedAcks: { labels: ['c:ack', 7], timeout: '10s' }, randomizationInterval: '0s' }, 60_000)).toEqual({
      whenDeleted: true,
      requestedAcks: { labels: ['c:ack'], timeout: '10s' },
      randomizationInterval: '0s',
    });
  });

  it('refuses unreadable durations and a beforeExpiry in other units than s, m and h', () => {
    const invalid: JsonObject[] = [{ beforeExpiry: '500ms' }, { beforeExpiry: '1d' }, { beforeExpiry: '-1m' }, { beforeExpiry: 'soon' }, { randomizationInterval: 'x' }, { requestedAcks: { timeout: 'x' } }];
    for (const announcement of invalid) {
      expect(errorOf(() => normalizedAnnouncement('a:b', announcement, 60_000))).toBe('policies:subjectannouncement.invalid');
    }
    expect(errorOf(() => normalizedAnnouncement('a:b', { whenDeleted: 'yes' }, 60_000))).toBe('policies:entry.invalid');
    expect(errorOf(() => normalizedAnnouncement('a:b', 'often', 60_000))).toBe('policies:entry.invalid');
  });
});
