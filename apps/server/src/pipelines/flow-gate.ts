/**
 * A counting semaphore with a bounded waiting line: at most `limit` holders, at most `maxWaiting`
 * callers waiting. When the line is full {@link acquire} answers false at once, so a caller that
 * cannot wait drops its work (counted) instead of queueing without bound.
 */
export class FlowGate {
  private held = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private limit: number,
    private readonly maxWaiting: number,
  ) {}

  /** Current holders plus waiters; never more than `limit + maxWaiting`. */
  get load(): number {
    return this.held + this.waiters.length;
  }

  /** Changes the limit (a reconnected client may allow a different number of publishes in flight). */
  resize(limit: number): void {
    this.limit = Math.max(1, limit);
    while (this.held < this.limit && this.waiters.length > 0) this.wake();
  }

  /** Resolves true once a slot is held, false at once when the waiting line is full. */
  acquire(): Promise<boolean> | boolean {
    if (this.held < this.limit) {
      this.held += 1;
      return true;
    }
    if (this.waiters.length >= this.maxWaiting) return false;
    return new Promise((resolve) => this.waiters.push(() => resolve(true)));
  }

  release(): void {
    this.held -= 1;
    if (this.waiters.length > 0 && this.held < this.limit) this.wake();
  }

  private wake(): void {
    const next = this.waiters.shift();
    if (next === undefined) return;
    this.held += 1;
    next();
  }
}
