import { CleanupStack } from '../cleanup-stack.js';
import { DirectHttpGenerator, NoContentSink } from '../load/http-endpoints.js';
import { MqttGenerator } from '../load/mqtt-endpoints.js';
import { PhaseRouter } from '../load/phase-router.js';
import { openConnection } from '../service/fixtures.js';
import { httpEgressConnection, ingestConnection } from './bench-connections.js';
import { deviceHeaders, liveEvent, thingId, twinModify } from './coffee-brewer.js';
import type { ThroughputScenario } from './lane.js';
import { runningMosquitto } from './running-mosquitto.js';
import { startServiceWithThings } from './service-with-things.js';

/** Requests in flight towards the sink, for the service and for the direct lane alike. */
const PARALLELISM = 16;

/** Scenario (c): twin events (caused by MQTT QoS 0 devices) pushed over HTTP to a sink answering 204. */
export function httpPushScenario(): ThroughputScenario {
  return {
    name: 'http-push',
    title: 'MQTT QoS 0 in → twin modify → event → HTTP POST to a 204 sink',
    window: 100,
    async setup(settings) {
      const cleanup = new CleanupStack();
      return cleanup.guard(async () => {
        const url = await runningMosquitto(cleanup);
        const router = new PhaseRouter();
        const sink = await NoContentSink.listen(router);
        cleanup.push(() => sink.close());
        const { service, metrics } = await startServiceWithThings(settings, cleanup);
        await openConnection(service.baseUrl, ingestConnection(url, 0));
        await openConnection(service.baseUrl, httpEgressConnection(sink.url, PARALLELISM));
        const direct = new DirectHttpGenerator(sink.url, PARALLELISM, twinModify);
        cleanup.push(() => direct.close());
        const devices = await MqttGenerator.connect({ url, qos: 0 }, settings.producers, { topic: (thing) => `bench/in/${thingId(thing)}`, payload: twinModify, userProperties: deviceHeaders });
        cleanup.push(() => devices.close());
        return {
          router,
          lanes: [
            { name: 'broker-only', path: `no service: generator POSTs to the sink, ${PARALLELISM} connections`, generator: direct },
            { name: 'passthrough', path: 'live event over MQTT, pushed over HTTP, no twin change', generator: devices.withShape({ topic: (thing) => `bench/in/${thingId(thing)}`, payload: liveEvent, userProperties: deviceHeaders }), metrics },
            { name: 'full', path: 'twin modify over MQTT, persisted, event pushed over HTTP', generator: devices, metrics },
          ],
          close: () => cleanup.run(),
        };
      });
    },
  };
}
