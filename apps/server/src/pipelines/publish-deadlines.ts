/** Width of the windows whose publishes share one abort signal. */
const WINDOW_MS = 100;

/**
 * Abort signals for publish timeouts, one per 100 ms window instead of one timer and controller per
 * publish: every publish started in a window is aborted between `timeoutMs` and `timeoutMs` + 100 ms
 * after it started, unless it finished first. Publishers remove their abort listeners when a publish
 * completes (binding contract), so a shared signal does not hold finished publishes.
 */
export class PublishDeadlines {
  private window: { readonly endsAt: number; readonly signal: AbortSignal } | undefined;

  constructor(readonly timeoutMs: number) {}

  /** The signal for a publish starting now. */
  signal(): AbortSignal {
    const now = Date.now();
    if (this.window === undefined || now >= this.window.endsAt) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('publish timeout')), this.timeoutMs + WINDOW_MS).unref();
      this.window = { endsAt: now + WINDOW_MS, signal: controller.signal };
    }
    return this.window.signal;
  }
}
