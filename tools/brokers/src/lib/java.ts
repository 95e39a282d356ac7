import type { Requirement } from './apt.js';

/** Java 17 (Kafka 4 and Artemis ≥ 2.39 need it) and Maven, which downloads their jars. */
export const JAVA_REQUIREMENTS: readonly Requirement[] = [
  { executable: 'java', aptPackages: ['openjdk-17-jre-headless'] },
  { executable: 'mvn', aptPackages: ['maven'] },
];

/**
 * JVM flags for a small test broker: the serial collector and C1-only JIT gave the lowest memory
 * and the fastest start of the combinations measured for Kafka and Artemis.
 */
export const SMALL_JVM_FLAGS = ['-Xms32m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];
