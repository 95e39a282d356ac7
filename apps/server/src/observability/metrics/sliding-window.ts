/**
 * Counts events in a sliding window made of fixed slots (Ditto's PT1M = 6 × 10 s, PT1H = 60 × 1 min,
 * PT24H = 24 × 1 h). Memory is fixed: one count and one slot number per slot, however many events
 * arrive. Like Ditto's, the window may over-count by up to one slot width.
 */
export class SlidingWindow {
  // Typed arrays: 8 bytes a slot, no boxed numbers.
  private readonly counts: Float64Array;
  private readonly slotIds: Float64Array;

  constructor(
    private readonly slotMs: number,
    private readonly slots: number,
  ) {
    this.counts = new Float64Array(slots);
    this.slotIds = new Float64Array(slots).fill(-Infinity);
  }

  add(atMs: number): void {
    const id = Math.floor(atMs / this.slotMs);
    const index = id % this.slots;
    if (this.slotIds[index] !== id) {
      this.slotIds[index] = id;
      this.counts[index] = 0;
    }
    this.counts[index] = (this.counts[index] ?? 0) + 1;
  }

  /** The events of the slots that overlap the window ending at `nowMs`. */
  total(nowMs: number): number {
    const current = Math.floor(nowMs / this.slotMs);
    let sum = 0;
    for (let i = 0; i < this.slots; i++) {
      const id = this.slotIds[i] ?? -Infinity;
      if (id > current - this.slots && id <= current) sum += this.counts[i] ?? 0;
    }
    return sum;
  }

  reset(): void {
    this.counts.fill(0);
  }
}
