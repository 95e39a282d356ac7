import { drain } from './drain.js';
import { messageId, type Generator } from './generator.js';
import { MessageLedger, type LatencySummary, type LedgerCounts } from './message-ledger.js';
import type { PhaseRouter } from './phase-router.js';

/** Settings of an open-loop phase. */
export interface OpenLoopOptions {
  readonly phase: string;
  /** Messages per second, over all producers. */
  readonly rate: number;
  readonly durationMs: number;
  readonly things: number;
  readonly lossTimeoutMs: number;
}

/** What an open-loop phase found. */
export interface OpenLoopResult {
  readonly rate: number;
  readonly counts: LedgerCounts;
  readonly latency: LatencySummary;
}

/**
 * Open loop: sends on a fixed schedule whatever happens downstream, and measures each message's
 * latency from the moment it was meant to be sent, so a stalled system cannot hide its stall by
 * slowing the generator down (no coordinated omission).
 */
export async function runOpenLoop(generator: Generator, router: PhaseRouter, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const ledger = new MessageLedger(options.phase, generator.producers);
  router.attach(ledger);
  const total = Math.max(1, Math.round((options.rate * options.durationMs) / 1000));
  const interval = 1000 / options.rate;
  const startedAt = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - startedAt) / interval) + 1);
      for (; sent < due; sent++) {
        const producer = sent % generator.producers;
        const seq = ledger.recordSend(producer, startedAt + sent * interval);
        generator.send(producer, messageId(options.phase, producer, seq), sent % options.things);
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  await drain(ledger, options.lossTimeoutMs);
  router.detach();
  return { rate: options.rate, counts: ledger.counts(), latency: ledger.latency() };
}
