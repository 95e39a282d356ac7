import { requireBrokerEnv } from '@twinlink/brokers/jest';
import { runBindingConformance } from '@twinlink/testkit';
import binding from '../src/index.js';
import { endpointOf, freshAddresses, inject, mqttConnectionJson, observe } from './mqtt-test-support.js';

const mosquitto = requireBrokerEnv('TWINLINK_TEST_MQTT_URL');
const rabbitmq = requireBrokerEnv('TWINLINK_TEST_RABBITMQ_MQTT_URL');
const artemis = requireBrokerEnv('TWINLINK_TEST_ARTEMIS_MQTT_URL');

/** The same broker URL pointing at another host and port (a proxy in front of it). */
function via(url: string, endpoint: { host: string; port: number }): string {
  return url.replace(/@?[^@/]+:\d+$/, (match) => `${match.startsWith('@') ? '@' : ''}${endpoint.host}:${endpoint.port}`);
}

const brokers = [
  { name: 'Mosquitto', type: 'mqtt', url: mosquitto, version: 4 },
  { name: 'Mosquitto', type: 'mqtt-5', url: mosquitto, version: 5 },
  { name: 'RabbitMQ', type: 'mqtt', url: rabbitmq, version: 4 },
  { name: 'Artemis', type: 'mqtt-5', url: artemis, version: 5 },
] as const;

for (const broker of brokers) {
  describe(`${broker.name} ${broker.type}`, () => {
    runBindingConformance({
      binding,
      connectionType: broker.type,
      endpoint: endpointOf(broker.url),
      addresses: freshAddresses,
      connection: (endpoint, addresses) => mqttConnectionJson(broker.type, via(broker.url, endpoint), addresses, { reconnectForRedelivery: 'true', reconnectForRedeliveryDelay: '1s' }),
      inject: (address, text) => inject(broker.url, address, text, broker.version),
      observe: (address) => observe(broker.url, address, broker.version),
      timeoutMs: 15_000,
    });
  });
}
