#!/usr/bin/env node
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { topSelfTime } from './profile/summarize-profile.js';
import { fixed, markdownTable } from './report/markdown-table.js';
import { memoryMarkdown } from './report/memory-markdown.js';
import { roundLine, throughputMarkdown } from './report/throughput-markdown.js';
import { writeResults } from './results-files.js';
import { runMemory } from './run-memory.js';
import { runThroughput, type ThroughputOptions } from './run-throughput.js';
import { httpPushScenario } from './scenarios/http-push-scenario.js';
import type { LaneName, ScenarioSettings, ThroughputScenario } from './scenarios/lane.js';
import { mqttScenario } from './scenarios/mqtt-scenario.js';

const USAGE = `usage: npm run bench -- <scenario> [options]

scenarios:
  mqtt-qos0   (a) MQTT QoS 0 in → twin modify → event → MQTT out
  mqtt-qos1   (b) the same at QoS 1, settled after twin-persisted
  http-push   (c) twin event → HTTP POST to a 204 sink
  memory      RSS for --memory-things twins with own policies and --memory-connections idle MQTT connections
  all         every scenario above, one after the other

options:
  --rounds N             interleaved rounds (default 3)
  --things N             things, each with its own policy (default 10000)
  --producers N          MQTT device clients (default 4)
  --window N             messages in flight in the closed loop (default: the scenario's)
  --closed-seconds S     closed-loop phase (default 10, of which --warmup-seconds 2 uncounted)
  --open-seconds S       each open-loop phase at 25/50/75 % (default 5)
  --preheat-seconds S    unrecorded closed loop per lane before round 1 (default 5)
  --lanes a,b            only these lanes (broker-only, passthrough, full)
  --cpu-prof             profile the service (node --cpu-prof) and print its top functions
  --node-arg FLAG        extra node flag for the service (repeatable), e.g. --node-arg=--max-semi-space-size=32
  --memory-things N      default 100000;  --memory-connections N  default 1000
  --smoke                seconds-long run: 1 round, 500 things, results in a temporary folder
  --out DIR              results folder (default tools/bench/results)`;

const RESULTS_DIR = fileURLToPath(new URL('../results', import.meta.url));

function scenarioOf(name: string): ThroughputScenario | undefined {
  if (name === 'mqtt-qos0') return mqttScenario(0);
  if (name === 'mqtt-qos1') return mqttScenario(1);
  if (name === 'http-push') return httpPushScenario();
  return undefined;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function number(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`not a positive number: ${value}`);
  return parsed;
}

function withLanes(scenario: ThroughputScenario, lanes: readonly LaneName[] | undefined): ThroughputScenario {
  if (lanes === undefined) return scenario;
  return {
    ...scenario,
    async setup(settings) {
      const setup = await scenario.setup(settings);
      return { ...setup, lanes: setup.lanes.filter((lane) => lanes.includes(lane.name)) };
    },
  };
}

function printProfile(dir: string, name: string): string {
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  const rows = files.flatMap((file) => topSelfTime(join(dir, file), 25)).map((entry) => [fixed(entry.percent, 1), fixed(entry.selfMs), entry.name, entry.location]);
  const table = markdownTable(['self %', 'self ms', 'function', 'where'], rows);
  log(`\nCPU profile of the service (${name}), top self time:\n${table}`);
  return `\n## CPU profile of the service: top self time\n\n${table}\n`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rounds: { type: 'string' },
      things: { type: 'string' },
      producers: { type: 'string' },
      window: { type: 'string' },
      'closed-seconds': { type: 'string' },
      'warmup-seconds': { type: 'string' },
      'open-seconds': { type: 'string' },
      'preheat-seconds': { type: 'string' },
      lanes: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'node-arg': { type: 'string', multiple: true },
      'memory-things': { type: 'string' },
      'memory-connections': { type: 'string' },
      smoke: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const requested = positionals[0];
  if (values.help || requested === undefined) {
    log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const names = requested === 'all' ? ['mqtt-qos0', 'mqtt-qos1', 'http-push', 'memory'] : [requested];
  const smoke = values.smoke;
  const out = values.out ?? (smoke ? join(tmpdir(), 'twinlink-bench-smoke') : RESULTS_DIR);
  const options: ThroughputOptions = {
    rounds: number(values.rounds, smoke ? 1 : 3),
    closedMs: number(values['closed-seconds'], smoke ? 3 : 10) * 1000,
    warmupMs: number(values['warmup-seconds'], smoke ? 1 : 2) * 1000,
    openMs: number(values['open-seconds'], smoke ? 1 : 5) * 1000,
    preheatMs: smoke ? 0 : number(values['preheat-seconds'], 5) * 1000,
    loads: smoke ? [0.5] : [0.25, 0.5, 0.75],
    lossTimeoutMs: 3_000,
    ...(values.window === undefined ? {} : { window: number(values.window, 100) }),
  };
  const lanes = values.lanes?.split(',') as LaneName[] | undefined;
  for (const name of names) {
    if (name === 'memory') {
      const report = await runMemory(number(values['memory-things'], smoke ? 1_000 : 100_000), number(values['memory-connections'], smoke ? 10 : 1_000), log);
      const markdown = memoryMarkdown(report);
      log(`\n${markdown}`);
      log(`written: ${writeResults(out, 'memory', report, markdown).join(', ')}`);
      continue;
    }
    const scenario = scenarioOf(name);
    if (scenario === undefined) {
      log(`unknown scenario '${name}'\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    const profileDir = join(out, 'profiles', `${name}-${Date.now()}`);
    if (values['cpu-prof']) mkdirSync(profileDir, { recursive: true });
    const settings: ScenarioSettings = {
      things: number(values.things, smoke ? 500 : 10_000),
      producers: number(values.producers, 4),
      serviceNodeArgs: [...(values['node-arg'] ?? []), ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])],
      serviceCwd: process.cwd(),
      log,
    };
    log(`${scenario.name}: ${scenario.title}`);
    const report = await runThroughput(withLanes(scenario, lanes), settings, options, (round) => log(roundLine(round)));
    let markdown = throughputMarkdown(report);
    if (values['cpu-prof']) markdown += printProfile(profileDir, name);
    log(`\n${markdown}`);
    log(`written: ${writeResults(out, name, report, markdown).join(', ')}`);
  }
}

// Exits explicitly: a failed run must not hang on a client socket it could not close.
main().then(
  () => process.exit(),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
