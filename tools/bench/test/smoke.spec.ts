import { tmpdir } from 'node:os';
import { throughputMarkdown } from '../src/report/throughput-markdown.js';
import { runThroughput } from '../src/run-throughput.js';
import { mqttScenario } from '../src/scenarios/mqtt-scenario.js';

// The harness end to end, seconds long: real Mosquitto, the built service, every lane. Asserts that
// it measures and loses nothing, never how fast anything is.
describe('bench smoke run', () => {
  it('drives every lane of the MQTT scenario to a table without losing a message', async () => {
    const report = await runThroughput(
      mqttScenario(0),
      { things: 200, producers: 2, serviceNodeArgs: [], serviceCwd: tmpdir(), log: () => undefined },
      { rounds: 1, closedMs: 2_000, warmupMs: 500, openMs: 1_000, loads: [0.5], preheatMs: 0, lossTimeoutMs: 3_000 },
      () => undefined,
    );
    expect(report.rounds.map((round) => round.lane)).toEqual(['broker-only', 'passthrough', 'full']);
    for (const round of report.rounds) {
      expect(round.maxRate).toBeGreaterThan(0);
      expect(round.closed).toMatchObject({ lost: 0, duplicated: 0 });
      for (const point of round.open) expect(point.counts).toMatchObject({ lost: 0, duplicated: 0 });
    }
    expect(report.rounds.find((round) => round.lane === 'full')?.service?.cpuMicrosPerMessage).toBeGreaterThan(0);
    expect(throughputMarkdown(report)).toMatch(/\| full \| \d+ \| [\d.]+ \|/);
  }, 120_000);
});
