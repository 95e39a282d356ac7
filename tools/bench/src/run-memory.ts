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
  readonly what: string;
  readonly count: number;
  readonly per: number;
  readonly target: string;
  readonly seconds: number;
  readonly baselineRssMiB: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly growthMiB: number;
  readonly growthPerMiB: number;
  /** RSS after the first half was added; the second half's growth, doubled, is the marginal cost. */
  readonly halfwayRssMiB: number;
  readonly marginalPerMiB: number;
  readonly note: string;
}

/** What the memory scenario measured. */
export interface MemoryReport {
  readonly kind: 'memory';
  readonly scenario: 'memory';
  readonly startedAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string };
  readonly measurements: readonly MemoryGrowth[];
}

const SETTLE_MS = 5_000;
const TWINS_TARGET = '≤ 150 MB per 100,000';

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

type Measured = Pick<MemoryGrowth, 'what' | 'count' | 'per' | 'target' | 'note'>;

/**
 * Measures one addition in a fresh service process (and whatever else `cleanup` started), in two
 * halves: the total growth includes one-off costs (V8's young generation growing to its size,
 * caches filling), the second half's growth is what each further item costs.
 */
async function growth(measured: Measured, env: Record<string, string>, cleanup: CleanupStack, add: (service: ServiceProcess, from: number, to: number) => Promise<void>): Promise<MemoryGrowth> {
  return cleanup.guard(async () => {
    const service = await ServiceProcess.start({ env });
    cleanup.push(() => service.stop());
    const metrics = new ServiceMetrics(service.baseUrl);
    await settle();
    const before = await metrics.memory();
    const started = performance.now();
    const half = Math.floor(measured.count / 2);
    await add(service, 0, half);
    await settle();
    const halfway = await metrics.memory();
    await add(service, half, measured.count);
    const seconds = (performance.now() - started) / 1000;
    await settle();
    const after = await metrics.memory();
    await cleanup.run();
    const growthMiB = after.rssMiB - before.rssMiB;
    const scale = (mib: number, count: number): number => (mib * measured.per) / Math.max(count, 1);
    return {
      ...measured,
      seconds,
      baselineRssMiB: before.rssMiB,
      halfwayRssMiB: halfway.rssMiB,
      rssMiB: after.rssMiB,
      heapUsedMiB: after.heapUsedMiB,
      growthMiB,
      growthPerMiB: scale(growthMiB, measured.count),
      marginalPerMiB: scale(after.rssMiB - halfway.rssMiB, measured.count - half),
    };
  });
}

/** An MQTT connection with one source and one target that carries nothing during the measurement. */
function idleConnection(index: number, url: string): Record<string, unknown> {
  return {
    id: `idle-${index}`,
    connectionType: 'mqtt',
    connectionStatus: 'open',
    uri: url,
    sources: [{ addresses: [`idle/${index}/in`], qos: 0, authorizationContext: [BENCH_SUBJECT] }],
    targets: [{ address: `idle/${index}/out/{{ thing:id }}`, topics: ['_/_/things/twin/events'], qos: 0, authorizationContext: [BENCH_SUBJECT] }],
  };
}

/**
 * The memory scenario, each measurement in a fresh service process: `things` twins with their own
 * policies as the service ships (twin cache of 10,000) and with a cache sized to hold them all (the
 * worst case), then `connections` idle MQTT connections.
 */
export async function runMemory(things: number, connections: number, log: (line: string) => void): Promise<MemoryReport> {
  const startedAt = new Date().toISOString();
  const cleanup = new CleanupStack();
  const createAll = (service: ServiceProcess, from: number, to: number): Promise<void> => createThings(service.baseUrl, to - from, 32, from);
  const measurements: MemoryGrowth[] = [];
  const twinsWith = (note: string): Measured => ({ what: 'twins with own policies', count: things, per: 100_000, target: TWINS_TARGET, note });
  measurements.push(await growth(twinsWith('default twin cache (10,000 things and policies in memory, the rest in SQLite)'), {}, cleanup, createAll));
  measurements.push(await growth(twinsWith(`twin cache sized to hold all ${things}`), { TWINLINK_TWIN_CACHE_SIZE: String(Math.max(things, 1)) }, cleanup, createAll));
  const url = await cleanup.guard(() => runningMosquitto(cleanup));
  const idle: Measured = { what: 'idle MQTT connections', count: connections, per: 1_000, target: '≤ 64 MB per 1,000', note: 'MQTT 3.1.1, one source and one target each, all open' };
  const openIdle = (service: ServiceProcess, from: number, to: number): Promise<void> =>
    forEachConcurrently(to - from, 16, (index) => openConnection(service.baseUrl, idleConnection(from + index, url), 120_000));
  measurements.push(await growth(idle, {}, new CleanupStack(), openIdle));
  await cleanup.run();
  for (const m of measurements) log(`${m.what} (${m.note}): +${m.growthMiB.toFixed(1)} MiB RSS for ${m.count}`);
  const cpu = cpus();
  return { kind: 'memory', scenario: 'memory', startedAt, machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', node: process.version }, measurements };
}
