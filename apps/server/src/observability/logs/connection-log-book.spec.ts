import { ConnectionLogBook, MAX_LOG_RESPONSE_BYTES } from './connection-log-book.js';
import type { LogEntry } from './log-entry.js';

const T0 = Date.parse('2024-01-06T14:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const HOUR = 3_600_000;

function entry(ms: number, level: LogEntry['level'] = 'success', message = `m${ms}`): LogEntry {
  return { correlationId: 'c', timestamp: at(ms).toISOString(), category: 'source', type: 'consumed', level, message, address: 'a' };
}

describe('ConnectionLogBook', () => {
  it('is muted until enabled and mutes itself when the duration has passed', () => {
    const book = new ConnectionLogBook(HOUR, 10);
    expect(book.add(entry(0), at(0))).toBe(false);
    book.enable(at(0));
    expect(book.add(entry(1), at(1))).toBe(true);
    expect(book.add(entry(HOUR), at(HOUR))).toBe(false);
    expect(book.retrieve(at(HOUR))).toMatchObject({ enabledSince: null, enabledUntil: null });
  });

  it('extends the enabled period on every retrieval while enabled', () => {
    const book = new ConnectionLogBook(HOUR, 10);
    book.enable(at(0));
    expect(book.retrieve(at(30 * 60_000))).toMatchObject({ enabledSince: '2024-01-06T14:00:00Z', enabledUntil: '2024-01-06T15:30:00Z' });
  });

  it('keeps the latest entries per level up to the capacity and returns them oldest first', () => {
    const book = new ConnectionLogBook(HOUR, 2);
    book.enable(at(0));
    for (const ms of [1, 2, 3]) book.add(entry(ms), at(ms));
    book.add(entry(4, 'failure'), at(4));
    const logs = book.retrieve(at(5)).connectionLogs as unknown as LogEntry[];
    expect(logs.map((e) => e.message)).toEqual(['m2', 'm3', 'm4']);
  });

  it('caps the response at 250,000 bytes, dropping the oldest entries', () => {
    const book = new ConnectionLogBook(HOUR, 1000);
    book.enable(at(0));
    const big = 'x'.repeat(1000);
    for (let ms = 1; ms <= 300; ms++) book.add(entry(ms, 'success', big), at(ms));
    const logs = book.retrieve(at(301)).connectionLogs as unknown as LogEntry[];
    expect(JSON.stringify(logs).length).toBeLessThanOrEqual(MAX_LOG_RESPONSE_BYTES + logs.length + 2);
    expect(logs.length).toBeLessThan(300);
    expect(logs.at(-1)?.timestamp).toBe(at(300).toISOString());
  });

  it('reset clears entries and keeps logging enabled', () => {
    const book = new ConnectionLogBook(HOUR, 10);
    book.enable(at(0));
    book.add(entry(1), at(1));
    book.reset();
    expect(book.retrieve(at(2)).connectionLogs).toEqual([]);
    expect(book.isEnabled(at(2))).toBe(true);
  });
});
