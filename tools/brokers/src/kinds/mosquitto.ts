import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Requirement } from '../lib/apt.js';
import { requireExecutable } from '../lib/executables.js';
import { freePorts } from '../lib/ports.js';
import { runCommand } from '../lib/run-command.js';
import { runBroker, type BrokerSession } from '../lib/session.js';
import { generateCertificates } from '../lib/tls-certs.js';
import type { BrokerKind, RunningBroker, StartOptions } from '../types.js';
import type { BrokerDefinition } from './broker-definition.js';

const MOSQUITTO: Requirement = { executable: 'mosquitto', aptPackages: ['mosquitto', 'mosquitto-clients'] };
const OPENSSL: Requirement = { executable: 'openssl', aptPackages: ['openssl'] };
const READY_TIMEOUT_MS = 10_000;
const GRACE_MS = 5_000;

/** User name of the `mosquitto-auth` broker; the password is random per run and part of the URL. */
export const MOSQUITTO_USER = 'twinlink';

// Shared by every variant. Mosquitto 2 refuses anonymous clients unless told otherwise; as root it
// drops to user `mosquitto` before reading the password file in our 0700 directory unless `user root`;
// stdout would be block-buffered into a pipe, stderr is not. No Nagle delay on small packets, and no
// cap on the QoS 1/2 messages queued for a slow subscriber (1,000 by default, beyond which Mosquitto
// drops): tests and benchmarks count every message.
const BASE_CONFIG = ['persistence false', 'log_dest stderr', 'user root', 'set_tcp_nodelay true', 'max_queued_messages 0'];

async function launch(session: BrokerSession, config: readonly string[], ports: readonly number[], timeoutMs: number): Promise<void> {
  const configFile = join(session.dir, 'mosquitto.conf');
  await writeFile(configFile, [...BASE_CONFIG, ...config, ''].join('\n'));
  const proc = await session.spawn('mosquitto', {
    command: requireExecutable('mosquitto'),
    args: ['-c', configFile],
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
  });
  await session.waitUntilReady(proc, { ports, timeoutMs });
}

/** Options of the plain Mosquitto. */
export interface MosquittoOptions extends StartOptions {
  /**
   * Listen on this port instead of a free one: a broker stopped and started again on the same
   * port looks like one broker restarting to the clients that were connected to it.
   */
  readonly port?: number;
  /**
   * Keep sessions, subscriptions and queued messages in this directory, written when the broker
   * stops and read when it starts: a broker started again with the same directory restores them.
   */
  readonly persistenceDir?: string;
}

/** Starts Mosquitto with one anonymous plain listener; exports `TWINLINK_TEST_MQTT_URL`. */
export function startMosquitto(options: MosquittoOptions = {}): Promise<RunningBroker> {
  return runBroker('mosquitto', options, GRACE_MS, async (session) => {
    const port = options.port ?? ((await freePorts(1)) as [number])[0];
    // The last `persistence` line wins over the base configuration's.
    const persistence = options.persistenceDir === undefined ? [] : ['persistence true', `persistence_location ${options.persistenceDir}/`];
    await launch(session, [...persistence, `listener ${port} 127.0.0.1`, 'allow_anonymous true'], [port], options.readyTimeoutMs ?? READY_TIMEOUT_MS);
    return { env: { TWINLINK_TEST_MQTT_URL: `tcp://127.0.0.1:${port}` }, ports: [port] };
  });
}

/**
 * Starts Mosquitto that only admits {@link MOSQUITTO_USER} with a random password;
 * exports `TWINLINK_TEST_MQTT_AUTH_URL` with the credentials in it.
 */
export function startMosquittoAuth(options: StartOptions = {}): Promise<RunningBroker> {
  return runBroker('mosquitto-auth', options, GRACE_MS, async (session) => {
    const [port] = (await freePorts(1)) as [number];
    const password = randomBytes(12).toString('hex');
    const passwordFile = join(session.dir, 'passwd');
    await runCommand(requireExecutable('mosquitto_passwd'), ['-c', '-b', passwordFile, MOSQUITTO_USER, password]);
    await launch(
      session,
      ['per_listener_settings false', 'allow_anonymous false', `password_file ${passwordFile}`, `listener ${port} 127.0.0.1`],
      [port],
      options.readyTimeoutMs ?? READY_TIMEOUT_MS,
    );
    return { env: { TWINLINK_TEST_MQTT_AUTH_URL: `tcp://${MOSQUITTO_USER}:${password}@127.0.0.1:${port}` }, ports: [port] };
  });
}

/**
 * Starts Mosquitto with two TLS listeners using a CA generated for this run: one that needs only
 * the CA on the client side (`TWINLINK_TEST_MQTT_TLS_URL`) and one that also requires a client
 * certificate signed by that CA (`TWINLINK_TEST_MQTT_MTLS_URL`). Exports the CA and client PEM paths.
 */
export function startMosquittoTls(options: StartOptions = {}): Promise<RunningBroker> {
  return runBroker('mosquitto-tls', options, GRACE_MS, async (session) => {
    const [tlsPort, mtlsPort] = (await freePorts(2)) as [number, number];
    const certs = await generateCertificates(session.dir);
    // cafile/certfile/keyfile/require_certificate after a `listener` line apply to that listener only.
    const tlsListener = (port: number, requireCertificate: boolean): string[] => [
      `listener ${port} 127.0.0.1`,
      `cafile ${certs.caFile}`,
      `certfile ${certs.serverCertFile}`,
      `keyfile ${certs.serverKeyFile}`,
      `require_certificate ${String(requireCertificate)}`,
    ];
    await launch(
      session,
      ['allow_anonymous true', ...tlsListener(tlsPort, false), ...tlsListener(mtlsPort, true)],
      [tlsPort, mtlsPort],
      options.readyTimeoutMs ?? READY_TIMEOUT_MS,
    );
    return {
      env: {
        TWINLINK_TEST_MQTT_TLS_URL: `ssl://localhost:${tlsPort}`,
        TWINLINK_TEST_MQTT_MTLS_URL: `ssl://localhost:${mtlsPort}`,
        TWINLINK_TEST_MQTT_TLS_CA_FILE: certs.caFile,
        TWINLINK_TEST_MQTT_TLS_CLIENT_CERT_FILE: certs.clientCertFile,
        TWINLINK_TEST_MQTT_TLS_CLIENT_KEY_FILE: certs.clientKeyFile,
      },
      ports: [tlsPort, mtlsPort],
    };
  });
}

function definition(kind: BrokerKind, envNames: string[], start: BrokerDefinition['start'], requirements: Requirement[]): BrokerDefinition {
  return { kind, envNames, requirements, start };
}

/** The three Mosquitto kinds. */
export const mosquittoDefinitions: readonly BrokerDefinition[] = [
  definition('mosquitto', ['TWINLINK_TEST_MQTT_URL'], startMosquitto, [MOSQUITTO]),
  definition('mosquitto-auth', ['TWINLINK_TEST_MQTT_AUTH_URL'], startMosquittoAuth, [MOSQUITTO]),
  definition(
    'mosquitto-tls',
    [
      'TWINLINK_TEST_MQTT_TLS_URL',
      'TWINLINK_TEST_MQTT_MTLS_URL',
      'TWINLINK_TEST_MQTT_TLS_CA_FILE',
      'TWINLINK_TEST_MQTT_TLS_CLIENT_CERT_FILE',
      'TWINLINK_TEST_MQTT_TLS_CLIENT_KEY_FILE',
    ],
    startMosquittoTls,
    [MOSQUITTO, OPENSSL],
  ),
];
