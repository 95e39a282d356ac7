import { getText } from './http.js';
import { parsePrometheusText, total, type Samples } from './prometheus-text.js';

/** The service's own figures over one measurement phase, from its `/metrics`. */
export interface ServiceFigures {
  /** CPU time (user + system) per delivered message, in microseconds. */
  readonly cpuMicrosPerMessage: number;
  /** CPU use over the phase, in cores (1 = one core fully busy). */
  readonly cpuCores: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  /** Event-loop delay p99 over the phase, in milliseconds. */
  readonly eventLoopP99Ms: number;
  /** Share of the phase spent in GC pauses, in percent. */
  readonly gcPercent: number;
  readonly gcPauses: number;
}

/**
 * Reads the service's `/metrics` at the start and end of a phase. The event-loop delay histogram
 * restarts at every scrape, so the end scrape's p99 covers exactly the phase.
 */
export class ServiceMetrics {
  private start: Samples = new Map();
  private startedAt = 0;

  constructor(private readonly baseUrl: string) {}

  private async scrape(): Promise<Samples> {
    return parsePrometheusText(await getText(`${this.baseUrl}/metrics`));
  }

  async begin(): Promise<void> {
    this.start = await this.scrape();
    this.startedAt = performance.now();
  }

  async end(messages: number): Promise<ServiceFigures> {
    const end = await this.scrape();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const delta = (name: string): number => total(end, name) - total(this.start, name);
    const cpuSeconds = delta('process_cpu_seconds_total');
    return {
      cpuMicrosPerMessage: messages > 0 ? (cpuSeconds * 1e6) / messages : 0,
      cpuCores: cpuSeconds / seconds,
      rssMiB: total(end, 'process_resident_memory_bytes') / 2 ** 20,
      heapUsedMiB: total(end, 'nodejs_heap_size_used_bytes') / 2 ** 20,
      eventLoopP99Ms: total(end, 'nodejs_eventloop_lag_p99_seconds') * 1000,
      gcPercent: (delta('nodejs_gc_duration_seconds_sum') / seconds) * 100,
      gcPauses: delta('nodejs_gc_duration_seconds_count'),
    };
  }

  /** Current resident memory and heap in MiB. */
  async memory(): Promise<{ rssMiB: number; heapUsedMiB: number }> {
    const samples = await this.scrape();
    return { rssMiB: total(samples, 'process_resident_memory_bytes') / 2 ** 20, heapUsedMiB: total(samples, 'nodejs_heap_size_used_bytes') / 2 ** 20 };
  }
}
