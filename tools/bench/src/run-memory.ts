import { cpus } from 'node:os';
import { CleanupStack } from './cleanup-stack.js';
import { createThings, openConnection } from './service/fixtures.js';
import { forEachConcurrently } from './service/http.js';
import { ServiceMetrics } from './service/service-metrics.js';
import { ServiceProcess } from './service/service-process.js';
import { BENCH_SUBJECT } from './scenarios/coffee-brewer.js';
import { runningMosquitto } from './scenarios/running-mosquitto.js';

/** Resident memory before and after adding `count` items, and the growth scaled to `per` items. */
export interface MemoryGrowth {
  readonly count: number;
  readonly per: number;
  readonly seconds: number;
  readonly baselineRssMiB: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly growthMiB: number;
  readonly growthPerMiB: number;
  readonly note: string;
}

/** What the memory scenario measured. */
export interface MemoryReport {
  readonly kind: 'memory';
  readonly scenario: 'memory';
  readonly startedAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string };
  readonly twins: MemoryGrowth;
  readonly connections: MemoryGrowth;
}

const SETTLE_MS = 5_000;

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

async function growth(service: ServiceProcess, count: number, per: number, note: string, add: () => Promise<void>): Promise<MemoryGrowth> {
  const metrics = new ServiceMetrics(service.baseUrl);
  await settle();
  const before = await metrics.memory();
  const started = performance.now();
  await add();
  const seconds = (performance.now() - started) / 1000;
  await settle();
  const after = await metrics.memory();
  const growthMiB = after.rssMiB - before.rssMiB;
  return { count, per, seconds, baselineRssMiB: before.rssMiB, rssMiB: after.rssMiB, heapUsedMiB: after.heapUsedMiB, growthMiB, growthPerMiB: (growthMiB * per) / count, note };
}

/** An MQTT connection with one source and one target that carries nothing during the measurement. */
function idleConnection(index: number, url: string): Record<string, unknown> {
  return {
    id: `idle-${index}`,
    connectionType: 'mqtt',
    connectionStatus: 'open',
    uri: url,
    sources: [{ addresses: [`idle/${index}/in`], authorizationContext: [BENCH_SUBJECT] }],
    targets: [{ address: `idle/${index}/out/{{ thing:id }}`, topics: ['_/_/things/twin/events'], authorizationContext: [BENCH_SUBJECT] }],
  };
}

/**
 * The memory scenario: resident memory of the service for `things` twins with their own policies
 * (all of them cached: the cache is sized to hold them), and for `connections` idle MQTT
 * connections, each measured in a fresh service process.
 */
export async function runMemory(things: number, connections: number, log: (line: string) => void): Promise<MemoryReport> {
  const startedAt = new Date().toISOString();
  const twinService = await ServiceProcess.start({ env: { TWINLINK_TWIN_CACHE_SIZE: String(Math.max(things, 1)) } });
  let twins: MemoryGrowth;
  try {
    twins = await growth(twinService, things, 100_000, `cache sized to hold all ${things} things and policies`, () => createThings(twinService.baseUrl, things));
    log(`twins: +${twins.growthMiB.toFixed(1)} MiB RSS for ${things}`);
  } finally {
    await twinService.stop();
  }
  const cleanup = new CleanupStack();
  const idle = await cleanup.guard(async () => {
    const url = await runningMosquitto(cleanup);
    const connectionService = await ServiceProcess.start();
    cleanup.push(() => connectionService.stop());
    return growth(connectionService, connections, 1_000, 'MQTT 3.1.1, one source and one target each, all open', () =>
      forEachConcurrently(connections, 16, (index) => openConnection(connectionService.baseUrl, idleConnection(index, url), 120_000)),
    );
  });
  await cleanup.run();
  log(`connections: +${idle.growthMiB.toFixed(1)} MiB RSS for ${connections}`);
  const cpu = cpus();
  return { kind: 'memory', scenario: 'memory', startedAt, machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', node: process.version }, twins, connections: idle };
}
