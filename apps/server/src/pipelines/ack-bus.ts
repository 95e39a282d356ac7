import type { AcknowledgementEntry, DittoProtocolMessage } from '@twinlink/core';

/** An acknowledgement or live response on its way to whoever waits for it. */
export interface AckDelivery {
  readonly entry: AcknowledgementEntry;
  /** For `live-response`: the response itself, handed to the requester. */
  readonly response?: DittoProtocolMessage;
}

/** Receives the acknowledgements of one correlation id. Returns true when it took the ack. */
export type AckWaiter = (delivery: AckDelivery) => boolean;

/**
 * Routes acknowledgements (issued by targets, sent by devices) and live responses to the collector
 * waiting for them, by `correlation-id`. Nobody waiting → the ack is dropped, as Ditto does with
 * acks for requests that already completed or timed out.
 */
export class AckBus {
  private readonly waiting = new Map<string, Set<AckWaiter>>();

  /** Registers a waiter; returns the function that removes it. */
  expect(correlationId: string, waiter: AckWaiter): () => void {
    let waiters = this.waiting.get(correlationId);
    if (waiters === undefined) this.waiting.set(correlationId, (waiters = new Set()));
    waiters.add(waiter);
    return () => {
      const current = this.waiting.get(correlationId);
      if (current === undefined) return;
      current.delete(waiter);
      if (current.size === 0) this.waiting.delete(correlationId);
    };
  }

  /** Whether anyone waits for acknowledgements of this correlation id. */
  isAwaited(correlationId: string): boolean {
    return this.waiting.has(correlationId);
  }

  /** Hands the ack to the first waiter that takes it; false when none did. */
  deliver(correlationId: string, delivery: AckDelivery): boolean {
    const waiters = this.waiting.get(correlationId);
    if (waiters === undefined) return false;
    for (const waiter of waiters) if (waiter(delivery)) return true;
    return false;
  }

  /** Number of correlation ids waited for (bounded by the in-flight messages). */
  get size(): number {
    return this.waiting.size;
  }
}
