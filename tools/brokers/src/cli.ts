#!/usr/bin/env node
import { rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatEnv } from './format-env.js';
import { ensureInstalled } from './install.js';
import { implementedKinds } from './kinds/registry.js';
import { startBrokers } from './start-brokers.js';
import { isBrokerKind, type BrokerKind } from './types.js';

const USAGE = `usage:
  twinlink-brokers install <kind…>
  twinlink-brokers start <kind…> [--env-out FILE]

start installs what is missing, starts the brokers on free loopback ports, prints
\`export NAME='value'\` lines (or writes them to FILE) and runs until SIGINT or SIGTERM.
kinds: ${implementedKinds().join(', ')}

(The option is not called --env-file because Node 20 claims that name wherever it appears.)`;

function parseKinds(names: readonly string[]): BrokerKind[] {
  const unknown = names.filter((n) => !isBrokerKind(n) || !implementedKinds().includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(unknown.length > 0 ? `unknown kind(s): ${unknown.join(', ')}` : 'no kinds given');
  }
  return names as BrokerKind[];
}

class UsageError extends Error {}

async function start(kinds: BrokerKind[], envFile: string | undefined): Promise<void> {
  // Listen before starting anything: a signal during startup must still stop what got started.
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await ensureInstalled(kinds);
  const running = await startBrokers(kinds);
  for (const broker of running.brokers) {
    process.stderr.write(`${broker.kind} ready in ${broker.startMs} ms (ports ${broker.ports.join(', ')})\n`);
  }
  const lines = formatEnv(running.env);
  if (envFile === undefined) process.stdout.write(lines);
  else {
    // Written under another name first, so a script polling for the file never reads half of it.
    await writeFile(`${envFile}.partial`, lines);
    await rename(`${envFile}.partial`, envFile);
  }

  await stopRequested;
  process.stderr.write('stopping brokers\n');
  await running.stop();
  // A stale file would point the next test run at ports that no longer belong to these brokers.
  if (envFile !== undefined) await rm(envFile, { force: true });
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'env-out': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'install') {
    const packages = await ensureInstalled(parseKinds(rest));
    process.stderr.write(packages.length > 0 ? `installed ${packages.join(' ')}\n` : 'no Debian packages were missing\n');
  } else if (command === 'start') {
    await start(parseKinds(rest), values['env-out']);
  } else {
    throw new UsageError(command === undefined ? 'no command given' : `unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  else process.stderr.write(`twinlink-brokers: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
