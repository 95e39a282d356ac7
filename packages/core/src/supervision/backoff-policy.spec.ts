import { BackoffPolicy } from './backoff-policy.js';

describe('BackoffPolicy', () => {
  it('doubles the ceiling per failure up to the maximum and scales it by the random draw', () => {
    const policy = new BackoffPolicy({ minMs: 1000, maxMs: 5000, random: () => 0.5 });
    expect([policy.next(), policy.next(), policy.next(), policy.next(), policy.next()]).toEqual([500, 1000, 2000, 2500, 2500]);
    expect(policy.attempts).toBe(5);
  });

  it('draws from the whole interval (full jitter)', () => {
    const draws = [0, 0.999];
    const policy = new BackoffPolicy({ minMs: 1000, maxMs: 60000, random: () => draws.shift() ?? 0 });
    expect(policy.next()).toBe(0);
    expect(policy.next()).toBe(1998);
  });

  it('starts again from the minimum after reset', () => {
    const policy = new BackoffPolicy({ minMs: 100, maxMs: 10000, random: () => 1 - Number.EPSILON });
    policy.next();
    policy.next();
    policy.next();
    policy.reset();
    expect(policy.attempts).toBe(0);
    expect(policy.next()).toBe(99);
  });

  it('skips one doubling step for slow retries', () => {
    const policy = new BackoffPolicy({ minMs: 100, maxMs: 10000, random: () => 0.5 });
    expect(policy.next(true)).toBe(100);
  });

  it('gives up after maxAttempts failures', () => {
    const policy = new BackoffPolicy({ minMs: 10, maxMs: 100, maxAttempts: 2, random: () => 0 });
    expect(policy.next()).toBe(0);
    expect(policy.next()).toBe(0);
    expect(policy.next()).toBeUndefined();
  });

  it('rejects bounds where the maximum is below the minimum', () => {
    expect(() => new BackoffPolicy({ minMs: 10, maxMs: 5 })).toThrow(RangeError);
  });
});
