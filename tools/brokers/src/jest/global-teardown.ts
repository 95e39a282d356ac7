import type { RunningBrokers } from '../start-brokers.js';
import { RUNNING_KEY } from './keys.js';

/** jest globalTeardown: stops the brokers the globalSetup started, if it started any. */
export default async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<symbol, RunningBrokers | undefined>;
  const running = store[RUNNING_KEY];
  store[RUNNING_KEY] = undefined;
  await running?.stop();
}
