import { missingKinds } from './missing-kinds.js';

describe('missingKinds', () => {
  it('keeps kinds with at least one unset variable, once each', () => {
    const env = {
      TWINLINK_TEST_MQTT_URL: 'tcp://127.0.0.1:1',
      TWINLINK_TEST_AMQP091_URL: 'amqp://127.0.0.1:2',
    };
    expect(missingKinds(['mosquitto', 'rabbitmq', 'mosquitto-auth', 'rabbitmq'], env)).toEqual(['rabbitmq', 'mosquitto-auth']);
  });

  it('returns nothing when every variable is provided', () => {
    const env = {
      TWINLINK_TEST_AMQP091_URL: 'a',
      TWINLINK_TEST_AMQP10_URL: 'b',
      TWINLINK_TEST_RABBITMQ_MQTT_URL: 'c',
    };
    expect(missingKinds(['rabbitmq'], env)).toEqual([]);
  });
});
