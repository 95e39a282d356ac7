import type { MessageLedger } from './message-ledger.js';

/** Waits until nothing is in flight or `timeoutMs` passed; what is still missing then counts as lost. */
export async function drain(ledger: MessageLedger, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (ledger.inFlight > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
