import { jest } from '@jest/globals';
import { PublishDeadlines } from './publish-deadlines.js';

describe('PublishDeadlines', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('shares one signal within a 100 ms window and starts a new one after it', () => {
    const deadlines = new PublishDeadlines(1_000);
    const first = deadlines.signal();
    jest.setSystemTime(99);
    expect(deadlines.signal()).toBe(first);
    jest.setSystemTime(100);
    expect(deadlines.signal()).not.toBe(first);
  });

  it('aborts a publish no earlier than the timeout after it started and at most 100 ms later', () => {
    const deadlines = new PublishDeadlines(1_000);
    const signal = deadlines.signal();
    jest.advanceTimersByTime(1_000);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(100);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('publish timeout');
  });
});
