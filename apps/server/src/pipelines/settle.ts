import { LIVE_RESPONSE } from '@twinlink/core';
import type { AcknowledgementEntry, Settlement } from '@twinlink/core';

/** The settlement of a message nobody has to wait for, shared. */
export const ACCEPTED: Settlement = Object.freeze({ outcome: 'accepted' });

/** A rejection without redelivery (mapping, enforcement, invalid headers, other 4xx). */
export function rejected(reason: string, redeliver = false): Settlement {
  return { outcome: 'rejected', redeliver, reason };
}

/** Whether an acknowledgement counts as success for settlement (bindings.md §0.4: 412 too; live responses unless 408). */
function succeeded(entry: AcknowledgementEntry): boolean {
  if (entry.label === LIVE_RESPONSE) return entry.status !== 408;
  return (entry.status >= 200 && entry.status <= 299) || entry.status === 412;
}

function redeliverable(status: number): boolean {
  return status === 408 || status === 424 || status >= 500;
}

/** Settlement from the collected acknowledgements of one signal (bindings.md §0.4). */
export function settlementOfAcks(entries: readonly AcknowledgementEntry[]): Settlement {
  let settlement: Settlement = ACCEPTED;
  for (const entry of entries) {
    if (succeeded(entry)) continue;
    const reason = `Acknowledgement '${entry.label}' failed with status ${entry.status}.`;
    if (redeliverable(entry.status)) return rejected(reason, true);
    settlement = rejected(reason);
  }
  return settlement;
}

/** The stricter of two settlements: redelivery over rejection over acceptance. */
export function worseSettlement(a: Settlement, b: Settlement): Settlement {
  if (a.outcome === 'accepted') return b;
  if (b.outcome === 'accepted') return a;
  return a.redeliver || !b.redeliver ? a : b;
}
