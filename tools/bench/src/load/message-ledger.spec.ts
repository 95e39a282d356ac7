import { MessageLedger } from './message-ledger.js';

describe('MessageLedger', () => {
  it('tells lost, duplicated and reordered messages apart', () => {
    const ledger = new MessageLedger('p1', 2);
    for (let i = 0; i < 4; i++) ledger.recordSend(0, i);
    ledger.recordSend(1, 0);
    ledger.recordReceive(0, 0, 1);
    ledger.recordReceive(0, 2, 3);
    ledger.recordReceive(0, 1, 4); // after 2: reordered
    ledger.recordReceive(0, 1, 5); // again: duplicated
    expect(ledger.counts()).toEqual({ sent: 5, received: 3, lost: 2, duplicated: 1, reordered: 1 });
    expect(ledger.inFlight).toBe(2);
  });

  it('ignores ids it never sent', () => {
    const ledger = new MessageLedger('p1', 1);
    ledger.recordSend(0, 0);
    ledger.recordReceive(0, 7, 1);
    ledger.recordReceive(3, 0, 1);
    expect(ledger.counts().received).toBe(0);
  });

  it('measures latency from the intended send time', () => {
    const ledger = new MessageLedger('p1', 1);
    for (let i = 0; i < 100; i++) ledger.recordSend(0, i);
    for (let i = 0; i < 100; i++) ledger.recordReceive(0, i, i + (i === 99 ? 50 : 2));
    const latency = ledger.latency();
    expect(latency.p50).toBeCloseTo(2, 1);
    expect(latency.max).toBeCloseTo(50, 0);
  });

  it('writes off overdue messages from the in-flight count, still counting them lost until they arrive', () => {
    const ledger = new MessageLedger('p1', 1);
    ledger.recordSend(0, 0);
    ledger.recordSend(0, 10);
    ledger.writeOff(5);
    expect(ledger.inFlight).toBe(1);
    expect(ledger.counts().lost).toBe(2);
    ledger.recordReceive(0, 0, 3000);
    expect(ledger.inFlight).toBe(1);
    expect(ledger.counts().lost).toBe(1);
  });
});
