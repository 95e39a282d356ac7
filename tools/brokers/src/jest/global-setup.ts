import { ensureInstalled } from '../install.js';
import { startBrokers, type RunningBrokers } from '../start-brokers.js';
import { isBrokerKind, type BrokerKind } from '../types.js';
import { BROKERS_GLOBAL, RUNNING_KEY } from './keys.js';
import { missingKinds } from './missing-kinds.js';

/**
 * jest globalSetup: starts the kinds listed by {@link withBrokers} whose variables are not set yet,
 * installing them first if needed, and puts their variables into `process.env`, which the test
 * workers inherit. The brokers live until the matching globalTeardown.
 */
export default async function globalSetup(_globalConfig: unknown, projectConfig: { globals?: Record<string, unknown> }): Promise<void> {
  const listed = projectConfig.globals?.[BROKERS_GLOBAL];
  if (!Array.isArray(listed) || !listed.every((k): k is BrokerKind => typeof k === 'string' && isBrokerKind(k))) {
    throw new Error(`globals.${BROKERS_GLOBAL} must list broker kinds; use withBrokers() from @twinlink/brokers/jest`);
  }
  const kinds = missingKinds(listed, process.env);
  if (kinds.length === 0) return;
  await ensureInstalled(kinds);
  const running = await startBrokers(kinds);
  (globalThis as Record<symbol, RunningBrokers>)[RUNNING_KEY] = running;
  Object.assign(process.env, running.env);
  const times = running.brokers.map((b) => `${b.kind} ${b.startMs} ms`).join(', ');
  process.stderr.write(`\ntwinlink brokers started: ${times}\n`);
}
