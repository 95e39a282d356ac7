import type { InboundMessage, InboundSink, Settlement } from '@twinlink/core';

/** One message a {@link RecordingSink} received, settled through {@link settle}. @public */
export interface RecordedDelivery {
  readonly message: InboundMessage;
  /** The payload as text (text payload, else the bytes as UTF-8). */
  readonly text: string;
  settle(settlement: Settlement): void;
  readonly settled: boolean;
}

/**
 * An {@link InboundSink} that records deliveries and settles them when the test says so, or at
 * once with `autoSettle`. Tracks the most unsettled deliveries ever held, for capacity checks.
 * @public
 */
export class RecordingSink implements InboundSink {
  readonly deliveries: RecordedDelivery[] = [];
  maxUnsettled = 0;
  private unsettled = 0;
  private waiters: (() => void)[] = [];

  constructor(
    readonly capacity: number,
    private readonly autoSettle?: Settlement,
  ) {}

  deliver(message: InboundMessage): Promise<Settlement> {
    this.unsettled += 1;
    this.maxUnsettled = Math.max(this.maxUnsettled, this.unsettled);
    return new Promise<Settlement>((resolve) => {
      let settled = false;
      const delivery: RecordedDelivery = {
        message,
        text: message.textPayload ?? Buffer.from(message.bytePayload ?? new Uint8Array()).toString('utf8'),
        settle: (settlement) => {
          if (settled) return;
          settled = true;
          this.unsettled -= 1;
          resolve(settlement);
        },
        get settled() {
          return settled;
        },
      };
      this.deliveries.push(delivery);
      for (const wake of this.waiters.splice(0)) wake();
      if (this.autoSettle) delivery.settle(this.autoSettle);
    });
  }

  /** Resolves with the first delivery whose text is `text`, waiting up to `timeoutMs`. */
  async waitFor(text: string, timeoutMs: number, after = 0): Promise<RecordedDelivery> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.deliveries.slice(after).find((delivery) => delivery.text === text);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No delivery of '${text}' within ${timeoutMs} ms (got ${this.deliveries.length}: ${this.deliveries.map((d) => d.text).join(', ')}).`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Settles every delivery not yet settled. */
  settleAll(settlement: Settlement): void {
    for (const delivery of this.deliveries) delivery.settle(settlement);
  }
}
