import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireExecutable } from '../lib/executables.js';
import { freePorts } from '../lib/ports.js';
import { runBroker } from '../lib/session.js';
import type { RunningBroker, StartOptions } from '../types.js';
import type { BrokerDefinition } from './broker-definition.js';

// The real start script: the /usr/sbin wrapper switches to user `rabbitmq` and logs to /var/log.
const SERVER_SCRIPT = '/usr/lib/rabbitmq/bin/rabbitmq-server';
// Startup takes 10–12 s with the MQTT plugin (its Ra leader election waits for cluster members),
// ~15 s with two nodes starting side by side; leave room for a slow CI machine.
const READY_TIMEOUT_MS = 90_000;
const GRACE_MS = 15_000;

/**
 * Starts one RabbitMQ node with the AMQP 1.0 and MQTT plugins. It serves AMQP 0.9.1 and AMQP 1.0
 * on one port and MQTT 3.1.1 on another, as user `guest`/`guest` (allowed from loopback).
 *
 * The node gets its own epmd, started by us in the foreground: the Erlang VM would otherwise start
 * `epmd -daemon`, which detaches, outlives the broker and listens on every interface.
 */
export function startRabbitmq(options: StartOptions = {}): Promise<RunningBroker> {
  return runBroker('rabbitmq', options, GRACE_MS, async (session) => {
    const [amqpPort, mqttPort, distPort, epmdPort] = (await freePorts(4)) as [number, number, number, number];
    const timeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
    const dir = session.dir;
    const baseEnv = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: dir,
      LANG: 'C.UTF-8',
      ERL_EPMD_PORT: String(epmdPort),
      ERL_EPMD_ADDRESS: '127.0.0.1',
    };

    const epmd = await session.spawn('epmd', {
      command: requireExecutable('epmd'),
      args: ['-address', '127.0.0.1', '-port', String(epmdPort)],
      env: baseEnv,
    });
    await session.waitUntilReady(epmd, { ports: [epmdPort], timeoutMs });

    const configFile = join(dir, 'rabbitmq.conf');
    await writeFile(configFile, [`listeners.tcp.1 = 127.0.0.1:${amqpPort}`, `mqtt.listeners.tcp.1 = 127.0.0.1:${mqttPort}`, ''].join('\n'));
    const rabbit = await session.spawn('rabbitmq', {
      command: SERVER_SCRIPT,
      args: [],
      env: {
        ...baseEnv,
        RABBITMQ_NODENAME: `twinlink-${randomBytes(4).toString('hex')}@localhost`,
        RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
        RABBITMQ_NODE_PORT: String(amqpPort),
        // Unset, it defaults to NODE_PORT + 20000, which overflows for high free ports.
        RABBITMQ_DIST_PORT: String(distPort),
        // Without this the distribution port listens on every interface.
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
        RABBITMQ_BASE: dir,
        RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
        RABBITMQ_LOG_BASE: join(dir, 'log'),
        RABBITMQ_LOGS: '-',
        RABBITMQ_CONFIG_FILE: configFile,
        RABBITMQ_ENABLED_PLUGINS: 'rabbitmq_amqp1_0,rabbitmq_mqtt',
        RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
        RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
      },
    });
    // The ports open ~0.1 s before the node has finished booting its plugins.
    await session.waitUntilReady(rabbit, { ports: [amqpPort, mqttPort], line: /Server startup complete/, timeoutMs });

    return {
      env: {
        TWINLINK_TEST_AMQP091_URL: `amqp://guest:guest@127.0.0.1:${amqpPort}/%2f`,
        TWINLINK_TEST_AMQP10_URL: `amqp://guest:guest@127.0.0.1:${amqpPort}`,
        TWINLINK_TEST_RABBITMQ_MQTT_URL: `tcp://guest:guest@127.0.0.1:${mqttPort}`,
      },
      ports: [amqpPort, mqttPort, distPort, epmdPort],
    };
  });
}

/** The RabbitMQ kind. */
export const rabbitmqDefinition: BrokerDefinition = {
  kind: 'rabbitmq',
  envNames: ['TWINLINK_TEST_AMQP091_URL', 'TWINLINK_TEST_AMQP10_URL', 'TWINLINK_TEST_RABBITMQ_MQTT_URL'],
  requirements: [{ executable: SERVER_SCRIPT, aptPackages: ['rabbitmq-server'] }],
  start: startRabbitmq,
};
