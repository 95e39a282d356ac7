import { cpus } from 'node:os';
import { runClosedLoop } from './load/closed-loop.js';
import { runOpenLoop } from './load/open-loop.js';
import type { LaneRound, LoadPoint, ThroughputReport } from './report/throughput-report.js';
import type { Lane, ScenarioSettings, ThroughputScenario, ThroughputSetup } from './scenarios/lane.js';

/** How long and how often a throughput run measures. */
export interface ThroughputOptions {
  readonly rounds: number;
  readonly closedMs: number;
  readonly warmupMs: number;
  readonly openMs: number;
  /** Shares of the maximum rate for the latency measurements. */
  readonly loads: readonly number[];
  /** Closed-loop phase per lane before the first round, not recorded (JIT, caches). */
  readonly preheatMs: number;
  readonly lossTimeoutMs: number;
  /** Overrides the scenario's closed-loop window. */
  readonly window?: number;
}

let phases = 0;
function nextPhase(): string {
  return `p${++phases}`;
}

async function measureLane(setup: ThroughputSetup, lane: Lane, round: number, baseline: number | undefined, window: number, settings: ScenarioSettings, options: ThroughputOptions): Promise<LaneRound> {
  const things = settings.things;
  await lane.metrics?.begin();
  const closed = await runClosedLoop(lane.generator, setup.router, { phase: nextPhase(), window, durationMs: options.closedMs, warmupMs: options.warmupMs, things, lossTimeoutMs: options.lossTimeoutMs });
  const service = await lane.metrics?.end(closed.counts.received);
  const open: LoadPoint[] = [];
  for (const load of options.loads) {
    const result = await runOpenLoop(lane.generator, setup.router, { phase: nextPhase(), rate: Math.max(1, closed.rate * load), durationMs: options.openMs, things, lossTimeoutMs: options.lossTimeoutMs });
    open.push({ load, ...result });
  }
  const ratio = baseline === undefined || baseline === 0 ? 1 : closed.rate / baseline;
  return { round, lane: lane.name, path: lane.path, maxRate: closed.rate, ratio, closed: closed.counts, ...(service === undefined ? {} : { service }), open };
}

/**
 * Runs a throughput scenario: lanes interleaved within each round (so drifting machine load hits
 * every lane alike), each lane with a closed loop for its maximum rate, then open loops at shares
 * of that maximum for latency.
 */
export async function runThroughput(scenario: ThroughputScenario, settings: ScenarioSettings, options: ThroughputOptions, onRound: (round: LaneRound) => void): Promise<ThroughputReport> {
  const startedAt = new Date().toISOString();
  const setup = await scenario.setup(settings);
  const window = options.window ?? scenario.window;
  const rounds: LaneRound[] = [];
  try {
    if (options.preheatMs > 0) {
      for (const lane of setup.lanes) {
        await runClosedLoop(lane.generator, setup.router, { phase: nextPhase(), window, durationMs: options.preheatMs, warmupMs: 0, things: settings.things, lossTimeoutMs: options.lossTimeoutMs });
      }
      settings.log('pre-heated every lane');
    }
    for (let round = 1; round <= options.rounds; round++) {
      let baseline: number | undefined;
      for (const lane of setup.lanes) {
        const result = await measureLane(setup, lane, round, baseline, window, settings, options);
        if (lane.name === 'broker-only') baseline = result.maxRate;
        rounds.push(result);
        onRound(result);
      }
    }
  } finally {
    await setup.close();
  }
  const cpu = cpus();
  return {
    kind: 'throughput',
    scenario: scenario.name,
    title: scenario.title,
    startedAt,
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', node: process.version },
    settings: { things: settings.things, producers: settings.producers, window, rounds: options.rounds, closedMs: options.closedMs, warmupMs: options.warmupMs, openMs: options.openMs, loads: options.loads.join(','), serviceNodeArgs: settings.serviceNodeArgs.join(' ') },
    rounds,
  };
}
