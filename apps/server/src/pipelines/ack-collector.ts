import { LIVE_RESPONSE } from '@twinlink/core';
import type { AcknowledgementEntry, DittoProtocolMessage } from '@twinlink/core';
import type { AckBus, AckDelivery } from './ack-bus.js';

/** What a collector ends with: one entry per requested label (timeouts as 408) and the live response. */
export interface CollectedAcks {
  readonly entries: readonly AcknowledgementEntry[];
  readonly liveResponse?: DittoProtocolMessage;
  readonly timedOut: boolean;
}

/**
 * Collects the requested acknowledgements of one signal until every label arrived or `timeoutMs`
 * passed (protocol.md §7); labels still missing then count as 408. Labels fulfilled locally (the twin
 * response's `twin-persisted`) are added with {@link add}; the others arrive through the {@link AckBus}.
 */
export class AckCollector {
  private readonly pending: Set<string>;
  private readonly entries: AcknowledgementEntry[] = [];
  private liveResponse: DittoProtocolMessage | undefined;
  private readonly done: Promise<CollectedAcks>;
  private finish!: (timedOut: boolean) => void;
  private readonly release: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(labels: readonly string[], correlationId: string, bus: AckBus, timeoutMs: number) {
    this.pending = new Set(labels);
    this.done = new Promise((resolve) => {
      this.finish = (timedOut) => {
        clearTimeout(this.timer);
        this.release();
        for (const label of this.pending) this.entries.push({ label, status: 408, payload: timeoutPayload(label, timeoutMs) });
        this.pending.clear();
        resolve({ entries: this.entries, ...(this.liveResponse !== undefined ? { liveResponse: this.liveResponse } : {}), timedOut });
      };
    });
    this.release = bus.expect(correlationId, (delivery) => this.take(delivery));
    if (this.pending.size === 0) this.finish(false);
    else this.timer = setTimeout(() => this.finish(true), timeoutMs);
  }

  /** Adds an acknowledgement that was produced locally; ignored when the label is not awaited. */
  add(entry: AcknowledgementEntry, response?: DittoProtocolMessage): void {
    this.take({ entry, ...(response !== undefined ? { response } : {}) });
  }

  /** Resolves once every label arrived or the timeout passed. */
  result(): Promise<CollectedAcks> {
    return this.done;
  }

  private take(delivery: AckDelivery): boolean {
    const label = delivery.entry.label;
    if (!this.pending.delete(label)) return false;
    this.entries.push(delivery.entry);
    if (label === LIVE_RESPONSE && delivery.response !== undefined) this.liveResponse = delivery.response;
    if (this.pending.size === 0) this.finish(false);
    return true;
  }
}

function timeoutPayload(label: string, timeoutMs: number): Record<string, string | number> {
  return {
    status: 408,
    error: 'acknowledgement:request.timeout',
    message: `The acknowledgement request reached the specified timeout of ${timeoutMs} ms.`,
    description: `Try increasing the timeout and make sure that the requested acknowledgement '${label}' is sent back in time.`,
  };
}
