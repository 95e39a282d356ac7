import type { Generator } from '../load/generator.js';
import type { PhaseRouter } from '../load/phase-router.js';
import type { ServiceMetrics } from '../service/service-metrics.js';

/**
 * The three ways a scenario's messages travel: `broker-only` without the service (the physical
 * limit with the same client libraries), `passthrough` through the service without a twin change,
 * `full` through enforcement, twin modify, persistence and event routing.
 */
export type LaneName = 'broker-only' | 'passthrough' | 'full';

/** One lane, ready to be driven. */
export interface Lane {
  readonly name: LaneName;
  /** What the lane's messages go through, for the report. */
  readonly path: string;
  readonly generator: Generator;
  /** The service's figures; absent on the lane without the service. */
  readonly metrics?: ServiceMetrics;
}

/** What a throughput scenario set up; `close` stops everything it started. */
export interface ThroughputSetup {
  readonly lanes: readonly Lane[];
  readonly router: PhaseRouter;
  close(): Promise<void>;
}

/** Settings every scenario takes from the command line. */
export interface ScenarioSettings {
  readonly things: number;
  readonly producers: number;
  /** Extra node flags for the service (`--cpu-prof` …). */
  readonly serviceNodeArgs: readonly string[];
  /** Where the service process runs (and writes its CPU profile). */
  readonly serviceCwd: string;
  /** Printed as the setup proceeds. */
  readonly log: (line: string) => void;
}

/** A throughput scenario of the harness. */
export interface ThroughputScenario {
  readonly name: string;
  readonly title: string;
  /** Messages kept in flight in the closed loop. */
  readonly window: number;
  setup(settings: ScenarioSettings): Promise<ThroughputSetup>;
}
