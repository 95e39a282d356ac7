import { kindsProviding } from '../env-names.js';

/** Whether a missing broker must be reported as a CI failure rather than a local setup hint. */
function brokersRequired(env: NodeJS.ProcessEnv): boolean {
  const ci = env['CI'];
  return (ci !== undefined && ci !== '' && ci !== 'false') || env['TWINLINK_REQUIRE_BROKERS'] === '1';
}

/**
 * Returns the value of broker variable `name` (e.g. `TWINLINK_TEST_MQTT_URL`), or throws.
 * A missing broker is never a silent skip: in CI (`CI` or `TWINLINK_REQUIRE_BROKERS=1`) the error
 * says the broker should have been started; elsewhere it says how to start it.
 */
export function requireBrokerEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value) return value;
  const kinds = kindsProviding(name);
  const kindList = kinds.length > 0 ? kinds.join(' ') : '<kind>';
  if (brokersRequired(env)) {
    throw new Error(
      `${name} is not set, and brokers are required here (CI or TWINLINK_REQUIRE_BROKERS=1). ` +
        `This package's jest.config.js should start them with withBrokers(config, [${kinds.map((k) => `'${k}'`).join(', ')}]).`,
    );
  }
  throw new Error(
    `${name} is not set, so there is no broker to test against. Add withBrokers(config, [${kinds.map((k) => `'${k}'`).join(', ')}]) ` +
      `to this package's jest.config.js, or start the broker yourself and export its variables: ` +
      `npx twinlink-brokers start ${kindList} --env-out /tmp/brokers.env & then . /tmp/brokers.env`,
  );
}
