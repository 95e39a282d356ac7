import { ensureInstalled, startBrokers } from '@twinlink/brokers';
import type { CleanupStack } from '../cleanup-stack.js';

/** Installs (if needed) and starts Mosquitto, stopped by `cleanup`; returns its URL. */
export async function runningMosquitto(cleanup: CleanupStack): Promise<string> {
  await ensureInstalled(['mosquitto']);
  const brokers = await startBrokers(['mosquitto']);
  cleanup.push(() => brokers.stop());
  return brokers.env['TWINLINK_TEST_MQTT_URL'] as string;
}
