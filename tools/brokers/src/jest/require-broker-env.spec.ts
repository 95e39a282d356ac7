import { requireBrokerEnv } from './require-broker-env.js';

describe('requireBrokerEnv', () => {
  it('returns the value when the variable is set', () => {
    expect(requireBrokerEnv('TWINLINK_TEST_MQTT_URL', { TWINLINK_TEST_MQTT_URL: 'tcp://127.0.0.1:1883' })).toBe('tcp://127.0.0.1:1883');
  });

  it.each([{ CI: 'true' }, { CI: '1' }, { TWINLINK_REQUIRE_BROKERS: '1' }])('fails as a CI error when brokers are required (%o)', (env) => {
    expect(() => requireBrokerEnv('TWINLINK_TEST_AMQP10_URL', env)).toThrow(
      /TWINLINK_TEST_AMQP10_URL is not set, and brokers are required here.*withBrokers\(config, \['rabbitmq'\]\)/,
    );
  });

  it.each([{}, { CI: 'false' }, { CI: '' }])('fails with instructions to start the broker locally (%o)', (env) => {
    expect(() => requireBrokerEnv('TWINLINK_TEST_MQTT_TLS_CA_FILE', env)).toThrow(
      /no broker to test against.*npx twinlink-brokers start mosquitto-tls --env-out/,
    );
  });

  it('treats an empty value as missing', () => {
    expect(() => requireBrokerEnv('TWINLINK_TEST_MQTT_URL', { TWINLINK_TEST_MQTT_URL: '' })).toThrow(/is not set/);
  });
});
