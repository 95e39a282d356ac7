import type { MessageLedger } from './message-ledger.js';

const ID_FIELD = '"correlation-id":"';

/**
 * The receiving side shared by every sink: finds the message id in what arrived and books it
 * in the ledger of the running phase. Messages of other phases (stragglers) are ignored.
 */
export class PhaseRouter {
  private ledger: MessageLedger | undefined;
  private onReceive: (() => void) | undefined;
  /** Arrivals that carried no id of the running phase. */
  stray = 0;

  attach(ledger: MessageLedger, onReceive?: () => void): void {
    this.ledger = ledger;
    this.onReceive = onReceive;
  }

  detach(): void {
    this.ledger = undefined;
    this.onReceive = undefined;
  }

  /** Books a message by id (`phase:producer:seq`). */
  receiveId(id: string): void {
    const ledger = this.ledger;
    const [phase, producer, seq] = id.split(':');
    if (ledger === undefined || phase !== ledger.phase) {
      this.stray++;
      return;
    }
    ledger.recordReceive(Number(producer), Number(seq), performance.now());
    this.onReceive?.();
  }

  /** Books a message whose JSON text carries the id as `correlation-id` (a Ditto Protocol envelope). */
  receiveJson(text: string): void {
    const start = text.indexOf(ID_FIELD);
    if (start < 0) {
      this.stray++;
      return;
    }
    const from = start + ID_FIELD.length;
    this.receiveId(text.slice(from, text.indexOf('"', from)));
  }
}
