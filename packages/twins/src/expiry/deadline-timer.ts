import type { TwinTimers } from './twin-timers.js';

interface Deadline {
  readonly key: string;
  at: number;
}

// Node's timers overflow beyond 2^31 ms; far deadlines are re-armed after a day instead (like Ditto's timers).
const LONGEST_DELAY_MS = 86_400_000;

/**
 * Deadlines of many keys behind a single timer: an indexed binary min-heap whose earliest entry
 * arms the one timer. Setting, moving and removing a deadline cost O(log n); a due key is removed
 * and handed to `onDue`, which may set it again.
 */
export class DeadlineTimer {
  private readonly heap: Deadline[] = [];
  private readonly positions = new Map<string, number>();
  private handle: unknown;
  private armedFor = Number.POSITIVE_INFINITY;

  constructor(
    private readonly timers: TwinTimers,
    private readonly now: () => number,
    private readonly onDue: (key: string) => void,
  ) {}

  /** Number of keys with a deadline. */
  get size(): number {
    return this.heap.length;
  }

  /** Sets or moves the deadline of a key (ms since the epoch). */
  set(key: string, at: number): void {
    const position = this.positions.get(key);
    if (position === undefined) {
      this.heap.push({ key, at });
      this.positions.set(key, this.heap.length - 1);
      this.up(this.heap.length - 1);
    } else {
      const deadline = this.heap[position] as Deadline;
      const earlier = at < deadline.at;
      deadline.at = at;
      if (earlier) this.up(position);
      else this.down(position);
    }
    this.arm();
  }

  /** Removes the deadline of a key, if it has one. */
  delete(key: string): void {
    const position = this.positions.get(key);
    if (position === undefined) return;
    this.removeAt(position);
    this.arm();
  }

  /** Removes every deadline and the timer. */
  stop(): void {
    this.heap.length = 0;
    this.positions.clear();
    this.disarm();
  }

  private fire(): void {
    this.handle = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = this.now();
    // Collected first: a key `onDue` sets to a past deadline again waits for the next timer instead of looping here.
    const due: string[] = [];
    while (this.heap.length > 0 && (this.heap[0] as Deadline).at <= now) {
      const { key } = this.heap[0] as Deadline;
      this.removeAt(0);
      due.push(key);
    }
    for (const key of due) this.onDue(key);
    this.arm();
  }

  private arm(): void {
    const first = this.heap[0];
    if (first === undefined) return this.disarm();
    if (this.handle !== undefined && this.armedFor === first.at) return;
    this.disarm();
    this.armedFor = first.at;
    this.handle = this.timers.set(() => this.fire(), Math.min(LONGEST_DELAY_MS, Math.max(0, first.at - this.now())));
  }

  private disarm(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private removeAt(position: number): void {
    const removed = this.heap[position] as Deadline;
    const last = this.heap.pop() as Deadline;
    this.positions.delete(removed.key);
    if (position === this.heap.length) return;
    this.heap[position] = last;
    this.positions.set(last.key, position);
    this.up(position);
    this.down(position);
  }

  private up(start: number): void {
    let position = start;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if ((this.heap[parent] as Deadline).at <= (this.heap[position] as Deadline).at) return;
      this.swap(position, parent);
      position = parent;
    }
  }

  private down(start: number): void {
    let position = start;
    for (;;) {
      const left = 2 * position + 1;
      const right = left + 1;
      let smallest = position;
      if (left < this.heap.length && (this.heap[left] as Deadline).at < (this.heap[smallest] as Deadline).at) smallest = left;
      if (right < this.heap.length && (this.heap[right] as Deadline).at < (this.heap[smallest] as Deadline).at) smallest = right;
      if (smallest === position) return;
      this.swap(position, smallest);
      position = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const first = this.heap[a] as Deadline;
    const second = this.heap[b] as Deadline;
    this.heap[a] = second;
    this.heap[b] = first;
    this.positions.set(second.key, a);
    this.positions.set(first.key, b);
  }
}
