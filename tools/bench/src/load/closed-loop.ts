import { drain } from './drain.js';
import { messageId, type Generator } from './generator.js';
import { MessageLedger, type LedgerCounts } from './message-ledger.js';
import type { PhaseRouter } from './phase-router.js';

/** Settings of a closed-loop phase. */
export interface ClosedLoopOptions {
  readonly phase: string;
  /** Messages kept in flight end to end. */
  readonly window: number;
  readonly durationMs: number;
  /** Not counted: the first part of the phase, while the pipeline fills. */
  readonly warmupMs: number;
  readonly things: number;
  /** A message missing this long is written off so the window does not stall. */
  readonly lossTimeoutMs: number;
}

/** What a closed-loop phase found. */
export interface ClosedLoopResult {
  /** Delivered messages per second after the warm-up: the maximum sustainable rate. */
  readonly rate: number;
  readonly counts: LedgerCounts;
}

/**
 * Closed loop: keeps `window` messages in flight from generator to sink and sends the next one
 * whenever one arrives, so the system runs as fast as its slowest part allows.
 */
export async function runClosedLoop(generator: Generator, router: PhaseRouter, options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const ledger = new MessageLedger(options.phase, generator.producers);
  let running = true;
  let counter = 0;
  const pump = (): void => {
    while (running && ledger.inFlight < options.window) {
      const producer = counter % generator.producers;
      const thing = counter % options.things;
      counter++;
      const seq = ledger.recordSend(producer, performance.now());
      generator.send(producer, messageId(options.phase, producer, seq), thing);
    }
  };
  router.attach(ledger, pump);
  const writeOff = setInterval(() => {
    ledger.writeOff(performance.now() - options.lossTimeoutMs);
    pump();
  }, 100);
  pump();
  await sleep(options.warmupMs);
  const receivedAtStart = ledger.counts().received;
  const measuredFrom = performance.now();
  await sleep(options.durationMs - options.warmupMs);
  const rate = ((ledger.counts().received - receivedAtStart) * 1000) / (performance.now() - measuredFrom);
  running = false;
  clearInterval(writeOff);
  await drain(ledger, options.lossTimeoutMs);
  router.detach();
  return { rate, counts: ledger.counts() };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
