import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../lib/cache-dir.js';
import { JAVA_REQUIREMENTS, SMALL_JVM_FLAGS } from '../lib/java.js';
import { cachedArtifact, mvn } from '../lib/maven.js';
import { freePorts } from '../lib/ports.js';
import { runCommand } from '../lib/run-command.js';
import { runBroker } from '../lib/session.js';
import type { RunningBroker, StartOptions } from '../types.js';
import type { BrokerDefinition } from './broker-definition.js';

// One pinned version: a range would mix a newer broker with older tools.
const KAFKA_VERSION = '4.3.1';
// Without an SLF4J binding the broker logs nothing, and there is no line to wait for.
const LOG4J_VERSION = '2.25.4';
const READY_TIMEOUT_MS = 60_000;
const GRACE_MS = 10_000;

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.twinlink</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>${LOG4J_VERSION}</version></dependency>
  </dependencies>
</project>
`;

// Kafka 4 logs through log4j 2, configured in its properties syntax.
const LOG4J2_PROPERTIES = `status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
`;

/** Downloads the Kafka broker's runtime jars into the cache (once) and returns their directory. */
export async function fetchKafka(cache: string): Promise<string> {
  const home = await cachedArtifact(cache, `kafka-${KAFKA_VERSION}`, async (dir, mavenRepo) => {
    await writeFile(join(dir, 'pom.xml'), POM);
    await mvn(mavenRepo, dir, ['dependency:copy-dependencies', '-DoutputDirectory=libs', '-DincludeScope=runtime']);
  });
  return join(home, 'libs');
}

/**
 * Starts a single-node Kafka in KRaft mode (broker and controller in one JVM) with a PLAINTEXT
 * listener; exports `TWINLINK_TEST_KAFKA_BOOTSTRAP`. Downloads the jars first if the cache lacks them.
 */
export function startKafka(options: StartOptions = {}): Promise<RunningBroker> {
  return runBroker('kafka', options, GRACE_MS, async (session) => {
    const libs = await fetchKafka(cacheDir(options.cacheDir));
    const [port, controllerPort] = (await freePorts(2)) as [number, number];
    const dir = session.dir;
    const properties = join(dir, 'server.properties');
    await writeFile(
      properties,
      [
        'process.roles=broker,controller',
        'node.id=1',
        `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
        `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
        'controller.listener.names=CONTROLLER',
        'inter.broker.listener.name=PLAINTEXT',
        'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        `log.dirs=${join(dir, 'data')}`,
        'offsets.topic.replication.factor=1',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'share.coordinator.state.topic.replication.factor=1',
        'share.coordinator.state.topic.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
        '',
      ].join('\n'),
    );
    const log4j = join(dir, 'log4j2.properties');
    await writeFile(log4j, LOG4J2_PROPERTIES);
    const java = ['-cp', join(libs, '*'), `-Dlog4j2.configurationFile=${log4j}`];
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir };

    // KRaft storage must be formatted with a cluster id (22 chars of base64url) before the first start.
    const clusterId = randomBytes(16).toString('base64url');
    await runCommand('java', [...SMALL_JVM_FLAGS, ...java, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties], { cwd: dir, env });

    const kafka = await session.spawn('kafka', { command: 'java', args: [...SMALL_JVM_FLAGS, ...java, 'kafka.Kafka', properties], env });
    await session.waitUntilReady(kafka, {
      ports: [port],
      line: /Kafka Server started/,
      timeoutMs: options.readyTimeoutMs ?? READY_TIMEOUT_MS,
    });
    return { env: { TWINLINK_TEST_KAFKA_BOOTSTRAP: `127.0.0.1:${port}` }, ports: [port, controllerPort] };
  });
}

/** The Kafka kind. */
export const kafkaDefinition: BrokerDefinition = {
  kind: 'kafka',
  envNames: ['TWINLINK_TEST_KAFKA_BOOTSTRAP'],
  requirements: JAVA_REQUIREMENTS,
  fetchArtifacts: async (cache) => {
    await fetchKafka(cache);
  },
  start: startKafka,
};
