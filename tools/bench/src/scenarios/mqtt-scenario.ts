import { CleanupStack } from '../cleanup-stack.js';
import { MqttGenerator, MqttSink, type MqttMessageShape } from '../load/mqtt-endpoints.js';
import { PhaseRouter } from '../load/phase-router.js';
import { openConnection } from '../service/fixtures.js';
import { ingestConnection, mqttEgressConnection, SINK_FILTER } from './bench-connections.js';
import { deviceHeaders, liveEvent, thingId, twinModify } from './coffee-brewer.js';
import type { ThroughputScenario } from './lane.js';
import { runningMosquitto } from './running-mosquitto.js';
import { startServiceWithThings } from './service-with-things.js';

function shape(topicPrefix: string, payload: (thing: number, id: string) => string): MqttMessageShape {
  return { topic: (thing) => `${topicPrefix}/${thingId(thing)}`, payload, userProperties: deviceHeaders };
}

/** Scenarios (a) and (b): MQTT in → twin modify → event → MQTT out, at QoS 0 or 1 on both sides. */
export function mqttScenario(qos: 0 | 1): ThroughputScenario {
  return {
    name: `mqtt-qos${qos}`,
    title: `MQTT QoS ${qos} in → twin modify → event → MQTT QoS ${qos} out`,
    window: 100,
    async setup(settings) {
      const cleanup = new CleanupStack();
      return cleanup.guard(async () => {
        const url = await runningMosquitto(cleanup);
        const { service, metrics } = await startServiceWithThings(settings, cleanup);
        await openConnection(service.baseUrl, ingestConnection(url, qos));
        await openConnection(service.baseUrl, mqttEgressConnection(url, qos));
        const router = new PhaseRouter();
        const sink = await MqttSink.subscribe({ url, qos }, SINK_FILTER, router);
        cleanup.push(() => sink.close());
        const generator = await MqttGenerator.connect({ url, qos }, settings.producers, shape('bench/out', twinModify));
        cleanup.push(() => generator.close());
        return {
          router,
          lanes: [
            { name: 'broker-only', path: 'generator → Mosquitto → sink', generator: generator.withShape(shape('bench/out', twinModify)) },
            { name: 'passthrough', path: 'live event: enforcement, READ check, Ditto mapping, no twin change', generator: generator.withShape(shape('bench/in', liveEvent)), metrics },
            { name: 'full', path: 'twin modify: enforcement, policy check, persisted, event routed and mapped', generator: generator.withShape(shape('bench/in', twinModify)), metrics },
          ],
          close: () => cleanup.run(),
        };
      });
    },
  };
}
