import { existsSync } from 'node:fs';
import globalSetup from '../src/jest/global-setup.js';
import globalTeardown from '../src/jest/global-teardown.js';
import { withBrokers } from '../src/jest/with-brokers.js';
import { canConnect } from '../src/lib/wait.js';
import { mqttRoundTrip } from './mqtt-round-trip.js';

describe('jest globalSetup and globalTeardown', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it('withBrokers points at the setup and teardown modules and lists the kinds', () => {
    const config = withBrokers({ displayName: 'x', globals: { other: 1 } }, ['mosquitto']);
    expect(config.globals).toEqual({ other: 1, twinlinkBrokers: ['mosquitto'] });
    expect(existsSync(config.globalSetup)).toBe(true);
    expect(existsSync(config.globalTeardown)).toBe(true);
  });

  it('starts a missing broker, exports its variables, and stops it at teardown', async () => {
    delete process.env['TWINLINK_TEST_MQTT_URL'];
    const config = withBrokers({}, ['mosquitto']);
    await globalSetup({}, config);
    const url = process.env['TWINLINK_TEST_MQTT_URL'];
    expect(url).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    expect(await mqttRoundTrip(String(url))).toBe('hello broker');
    await globalTeardown();
    expect(await canConnect(Number(new URL(String(url)).port))).toBe(false);
  });

  it('leaves kinds alone whose variables are already set', async () => {
    process.env['TWINLINK_TEST_MQTT_URL'] = 'tcp://127.0.0.1:9';
    await globalSetup({}, withBrokers({}, ['mosquitto']));
    expect(process.env['TWINLINK_TEST_MQTT_URL']).toBe('tcp://127.0.0.1:9');
    await globalTeardown();
  });

  it('rejects a configuration without a list of kinds', async () => {
    await expect(globalSetup({}, { globals: { twinlinkBrokers: ['nats'] } })).rejects.toThrow(/must list broker kinds/);
  });
});
