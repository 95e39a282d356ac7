#!/usr/bin/env -S node --max-semi-space-size=32
import { SECRET_MASK } from '@twinlink/core';
import { pino, type Logger } from 'pino';
import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import type { ServiceConfig } from './config/service-config.js';
import { createRuntime } from './runtime/create-runtime.js';
import { startService, type RunningService } from './server.js';

/** The configuration as logged at start: secrets replaced by the mask. */
function loggableConfig(config: ServiceConfig): object {
  return { ...config, devops: { ...config.devops, password: SECRET_MASK } };
}

function createLogger(config: ServiceConfig): Logger {
  return pino({
    level: config.logs.level,
    base: { service: 'twinlink', instance: config.instanceId },
    // Belt and braces: no field called password or authorization ever reaches stdout.
    redact: { paths: ['password', '*.password', '*.*.password', 'headers.authorization', '*.headers.authorization'], censor: SECRET_MASK },
  });
}

function warnAboutDevopsAccess(config: ServiceConfig, logger: Logger): void {
  if (!config.devops.secured) {
    logger.warn('!!! The DevOps realm is NOT secured (TWINLINK_DEVOPS_SECURED=false): anyone reaching this port can manage connections.');
  } else if (config.devops.passwordIsDefault) {
    logger.warn(
      "!!! The DevOps password is the well-known default 'foobar'. Set TWINLINK_DEVOPS_PASSWORD before exposing this service.",
    );
  }
}

function installSignalHandlers(service: RunningService, logger: Logger): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting immediately');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'signal received');
    void service.stop().then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function main(): Promise<void> {
  let config: ServiceConfig;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`twinlink: ${error.message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config);
  // A stray rejection in some callback must not take every connection down with it.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  logger.info({ config: loggableConfig(config) }, 'starting twinlink');
  warnAboutDevopsAccess(config, logger);
  try {
    const service = await startService({ config, logger, createRuntime });
    installSignalHandlers(service, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'service failed to start');
    process.exit(1);
  }
}

await main();
