import type { LatencySummary, LedgerCounts } from '../load/message-ledger.js';
import type { LaneName } from '../scenarios/lane.js';
import type { ServiceFigures } from '../service/service-metrics.js';

/** One open-loop measurement at a share of the lane's maximum rate. */
export interface LoadPoint {
  /** Share of the closed-loop maximum, e.g. 0.5. */
  readonly load: number;
  readonly rate: number;
  readonly counts: LedgerCounts;
  readonly latency: LatencySummary;
}

/** One lane in one round. */
export interface LaneRound {
  readonly round: number;
  readonly lane: LaneName;
  readonly path: string;
  /** Closed-loop maximum sustainable rate, messages per second. */
  readonly maxRate: number;
  /** The lane's rate over the broker-only lane's rate of the same round. */
  readonly ratio: number;
  readonly closed: LedgerCounts;
  readonly service?: ServiceFigures;
  readonly open: readonly LoadPoint[];
}

/** Everything one throughput run measured. */
export interface ThroughputReport {
  readonly kind: 'throughput';
  readonly scenario: string;
  readonly title: string;
  readonly startedAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string };
  readonly settings: Readonly<Record<string, number | string | boolean>>;
  readonly rounds: readonly LaneRound[];
}
