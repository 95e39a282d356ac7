import hdr from 'hdr-histogram-js';

/** What the sink saw of one measurement phase, per lane. */
export interface LedgerCounts {
  readonly sent: number;
  /** Distinct messages received. */
  readonly received: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Received after a later message of the same producer. */
  readonly reordered: number;
}

/** Latency percentiles in milliseconds, measured from the intended send time. */
export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/** Grows a typed array to at least `length` elements, doubling so appends stay amortised O(1). */
function grown<T extends Float64Array | Uint8Array>(array: T, length: number, create: (n: number) => T): T {
  if (array.length >= length) return array;
  const next = create(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

class ProducerRecord {
  sendTimes = new Float64Array(1024);
  seen = new Uint8Array(1024);
  sent = 0;
  highestSeen = -1;
}

/**
 * The accounting of one measurement phase: every message is `(producer, sequence)`, sent in
 * sequence order per producer. The ledger keeps when each was meant to be sent and whether it
 * arrived, so it can tell lost, duplicated and reordered messages apart and measure latency from
 * the intended send time (open loop: a late send counts against the system, not the generator).
 */
export class MessageLedger {
  private readonly producers: ProducerRecord[];
  private readonly histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  private duplicated = 0;
  private reordered = 0;
  private received = 0;
  /** Messages in flight: sent, neither received nor written off. */
  inFlight = 0;
  private writtenOffUpTo: number[];

  constructor(
    /** Tag carried in every message id of this phase, so stragglers of an earlier phase are ignored. */
    readonly phase: string,
    producerCount: number,
  ) {
    this.producers = Array.from({ length: producerCount }, () => new ProducerRecord());
    this.writtenOffUpTo = new Array<number>(producerCount).fill(0);
  }

  /** Registers the next message of `producer`, meant to leave at `intendedAt` (ms, performance.now()); returns its sequence number. */
  recordSend(producer: number, intendedAt: number): number {
    const record = this.producers[producer] as ProducerRecord;
    const seq = record.sent++;
    record.sendTimes = grown(record.sendTimes, seq + 1, (n) => new Float64Array(n));
    record.seen = grown(record.seen, seq + 1, (n) => new Uint8Array(n));
    record.sendTimes[seq] = intendedAt;
    this.inFlight++;
    return seq;
  }

  /** Registers a received message; `receivedAt` in ms (performance.now()). */
  recordReceive(producer: number, seq: number, receivedAt: number): void {
    const record = this.producers[producer];
    if (record === undefined || seq >= record.sent) return;
    if (record.seen[seq] === 1) {
      this.duplicated++;
      return;
    }
    record.seen[seq] = 1;
    this.received++;
    // A written-off message already left the in-flight count.
    if (seq >= (this.writtenOffUpTo[producer] as number)) this.inFlight--;
    if (seq < record.highestSeen) this.reordered++;
    else record.highestSeen = seq;
    const micros = Math.max(1, Math.round((receivedAt - (record.sendTimes[seq] as number)) * 1000));
    this.histogram.recordValue(micros);
  }

  /**
   * Writes off messages sent before `olderThan` that have not arrived, so a closed loop does not
   * stall on a lost message; they still count as lost unless they arrive later.
   */
  writeOff(olderThan: number): void {
    this.producers.forEach((record, producer) => {
      let seq = this.writtenOffUpTo[producer] as number;
      while (seq < record.sent && (record.sendTimes[seq] as number) < olderThan) {
        if (record.seen[seq] !== 1) this.inFlight = Math.max(0, this.inFlight - 1);
        seq++;
      }
      this.writtenOffUpTo[producer] = seq;
    });
  }

  counts(): LedgerCounts {
    const sent = this.producers.reduce((sum, record) => sum + record.sent, 0);
    return { sent, received: this.received, lost: sent - this.received, duplicated: this.duplicated, reordered: this.reordered };
  }

  latency(): LatencySummary {
    const ms = (micros: number): number => micros / 1000;
    return {
      p50: ms(this.histogram.getValueAtPercentile(50)),
      p99: ms(this.histogram.getValueAtPercentile(99)),
      p999: ms(this.histogram.getValueAtPercentile(99.9)),
      max: ms(this.histogram.maxValue),
    };
  }
}
