import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../lib/cache-dir.js';
import { JAVA_REQUIREMENTS, SMALL_JVM_FLAGS } from '../lib/java.js';
import { cachedArtifact, mvn } from '../lib/maven.js';
import { freePorts } from '../lib/ports.js';
import { runCommand } from '../lib/run-command.js';
import { runBroker } from '../lib/session.js';
import type { RunningBroker, StartOptions } from '../types.js';
import type { BrokerDefinition } from './broker-definition.js';

// From 2.50 on the distribution is published as org.apache.artemis (before: org.apache.activemq).
const ARTEMIS_VERSION = '2.56.0';
const ARTIFACT = `org.apache.artemis:apache-artemis:${ARTEMIS_VERSION}:tar.gz:bin`;
const READY_TIMEOUT_MS = 60_000;
const GRACE_MS = 10_000;

/** User of the `artemis` broker; the password is random per run and part of the URLs. */
export const ARTEMIS_USER = 'twinlink';

// `JAVA_ARGS` replaces the instance profile's flags; Artemis needs the add-opens for its Netty
// buffers, and JMX is not used.
const JAVA_ARGS = [...SMALL_JVM_FLAGS, '--add-opens', 'java.base/jdk.internal.misc=ALL-UNNAMED', '-Dlog4j2.disableJmx=true'];

/** Downloads and unpacks the Artemis distribution into the cache (once) and returns its home. */
export async function fetchArtemis(cache: string): Promise<string> {
  const home = await cachedArtifact(cache, `artemis-${ARTEMIS_VERSION}`, async (dir, mavenRepo) => {
    await mvn(mavenRepo, dir, ['dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${dir}`]);
    const archive = join(dir, `apache-artemis-${ARTEMIS_VERSION}-bin.tar.gz`);
    await runCommand('tar', ['xzf', archive, '-C', dir]);
    await rm(archive);
  });
  return join(home, `apache-artemis-${ARTEMIS_VERSION}`);
}

/**
 * Points the generated `amqp` and `mqtt` acceptors (hard-coded to 5672 and 1883) at our ports and
 * lets AMQP clients choose the routing type by prefix: `queue://x` is the anycast queue `x`,
 * `topic://x` the multicast address `x`. Without a prefix or capabilities Artemis auto-creates a
 * multicast address, where a message sent before a receiver attached is silently lost.
 */
export function rewriteAcceptors(brokerXml: string, amqpPort: number, mqttPort: number): string {
  const rewrite = (xml: string, name: string, port: number, extra: string): string => {
    const pattern = new RegExp(`(<acceptor name="${name}">tcp://)[^:<]+:\\d+\\?`);
    if (!pattern.test(xml)) throw new Error(`broker.xml has no ${name} acceptor to rewrite`);
    return xml.replace(pattern, `$1127.0.0.1:${port}?${extra}`);
  };
  return rewrite(rewrite(brokerXml, 'amqp', amqpPort, 'anycastPrefix=queue://;multicastPrefix=topic://;'), 'mqtt', mqttPort, '');
}

/**
 * Creates a fresh Artemis instance (an instance stores absolute paths and cannot be reused) that
 * requires login, and runs it with AMQP 1.0 and MQTT (3.1, 3.1.1, 5) acceptors on loopback.
 * Exports `TWINLINK_TEST_ARTEMIS_AMQP10_URL` and `TWINLINK_TEST_ARTEMIS_MQTT_URL`, both with
 * {@link ARTEMIS_USER} and the run's password.
 */
export function startArtemis(options: StartOptions = {}): Promise<RunningBroker> {
  return runBroker('artemis', options, GRACE_MS, async (session) => {
    const home = await fetchArtemis(cacheDir(options.cacheDir));
    const [corePort, amqpPort, mqttPort] = (await freePorts(3)) as [number, number, number];
    const password = randomBytes(12).toString('hex');
    const instance = join(session.dir, 'instance');
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: session.dir, JAVA_ARGS: JAVA_ARGS.join(' ') };
    // --require-login: with --allow-anonymous a wrong password is accepted as the guest user.
    await runCommand(
      join(home, 'bin', 'artemis'),
      [
        'create', instance, '--silent', '--user', ARTEMIS_USER, '--password', password, '--require-login',
        '--host', '127.0.0.1', '--default-port', String(corePort), '--no-web', '--no-hornetq-acceptor',
        '--no-stomp-acceptor', '--disable-persistence',
      ],
      { cwd: session.dir, env },
    );
    const brokerXml = join(instance, 'etc', 'broker.xml');
    await writeFile(brokerXml, rewriteAcceptors(await readFile(brokerXml, 'utf8'), amqpPort, mqttPort));

    // `artemis run` execs java, so the spawned process is the broker itself.
    const artemis = await session.spawn('artemis', { command: join(instance, 'bin', 'artemis'), args: ['run'], env });
    await session.waitUntilReady(artemis, {
      ports: [corePort, amqpPort, mqttPort],
      line: /AMQ221007/,
      timeoutMs: options.readyTimeoutMs ?? READY_TIMEOUT_MS,
    });
    return {
      env: {
        TWINLINK_TEST_ARTEMIS_AMQP10_URL: `amqp://${ARTEMIS_USER}:${password}@127.0.0.1:${amqpPort}`,
        TWINLINK_TEST_ARTEMIS_MQTT_URL: `tcp://${ARTEMIS_USER}:${password}@127.0.0.1:${mqttPort}`,
      },
      ports: [corePort, amqpPort, mqttPort],
    };
  });
}

/** The Artemis kind. */
export const artemisDefinition: BrokerDefinition = {
  kind: 'artemis',
  envNames: ['TWINLINK_TEST_ARTEMIS_AMQP10_URL', 'TWINLINK_TEST_ARTEMIS_MQTT_URL'],
  requirements: JAVA_REQUIREMENTS,
  fetchArtifacts: async (cache) => {
    await fetchArtemis(cache);
  },
  start: startArtemis,
};
