/** Settings of a {@link BackoffPolicy}. @public */
export interface BackoffOptions {
  /** Ceiling of the first delay, in ms. */
  readonly minMs: number;
  /** Largest ceiling, in ms; doubling stops here. */
  readonly maxMs: number;
  /** Failures after which {@link BackoffPolicy.next} gives up (recovery status `backOffLimitReached`); absent = never. */
  readonly maxAttempts?: number;
  /** Source of uniform numbers in [0, 1); injectable so tests are deterministic. */
  readonly random?: () => number;
}

/**
 * Exponential backoff with full jitter: after the n-th consecutive failure the delay is drawn
 * uniformly from [0, min(maxMs, minMs · 2^(n-1))]. Full jitter spreads the reconnects of many
 * connections that lost the same broker at the same moment, instead of letting them retry in lock step.
 * @public
 */
export class BackoffPolicy {
  private failures = 0;
  private readonly random: () => number;

  constructor(private readonly options: BackoffOptions) {
    if (options.minMs < 0 || options.maxMs < options.minMs) throw new RangeError(`Invalid backoff bounds ${options.minMs}..${options.maxMs} ms.`);
    this.random = options.random ?? Math.random;
  }

  /** Consecutive failures counted since the last {@link reset}. */
  get attempts(): number {
    return this.failures;
  }

  /**
   * Counts one more failure and returns the delay before the next attempt, or `undefined` once
   * `maxAttempts` failures were counted. `slow` (failures caused by the configuration) skips one
   * doubling step, because retrying a wrong password quickly only produces load.
   */
  next(slow = false): number | undefined {
    this.failures += 1;
    if (this.options.maxAttempts !== undefined && this.failures > this.options.maxAttempts) return undefined;
    const exponent = Math.min(this.failures - 1 + (slow ? 1 : 0), 52);
    const ceiling = Math.min(this.options.maxMs, this.options.minMs * 2 ** exponent);
    return Math.floor(this.random() * ceiling);
  }

  /** Forgets all failures; called after a successful connect. */
  reset(): void {
    this.failures = 0;
  }
}
