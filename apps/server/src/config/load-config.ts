import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { ConfigError } from './config-error.js';
import { CONFIG_SCHEMA } from './config-schema.js';
import { DEFAULT_DEVOPS_PASSWORD, DEFAULT_FLUENTD_PORT, defaultConfig } from './default-config.js';
import { readEnv } from './read-env.js';
import type { ServiceConfig } from './service-config.js';

type Raw = Record<string, unknown>;

const validate = new Ajv({ allErrors: true }).compile(CONFIG_SCHEMA);

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) replaces. */
function deepMerge(base: Raw, override: Raw): Raw {
  const result: Raw = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return result;
}

function configFilePath(env: NodeJS.ProcessEnv, argv: readonly string[]): { path: string; origin: string } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--config=')) return { path: arg.slice('--config='.length), origin: '--config' };
    if (arg === '--config') {
      const next = argv[i + 1];
      if (next === undefined) throw new ConfigError('--config needs a file path.');
      return { path: next, origin: '--config' };
    }
    throw new ConfigError(`Unknown argument ${JSON.stringify(arg)}; the only option is --config <file>.`);
  }
  const fromEnv = env['TWINLINK_CONFIG'];
  return fromEnv && fromEnv.trim() !== '' ? { path: fromEnv, origin: 'TWINLINK_CONFIG' } : undefined;
}

function readConfigFile(path: string, origin: string): Raw {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${origin}: cannot read config file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin}: config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new ConfigError(`${origin}: config file ${path} must contain a JSON object.`);
  return parsed;
}

function describe(error: ErrorObject, sources: Map<string, string>, file: string | undefined): string {
  const extra = error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
  const pointer = `${error.instancePath}${extra}`;
  const setting = pointer.replace(/^\//, '').replaceAll('/', '.') || '(root)';
  const what = error.keyword === 'additionalProperties' ? 'is not a known setting' : (error.message ?? 'is invalid');
  const envName = [...sources].find(([p]) => pointer === p || pointer.startsWith(`${p}/`))?.[1];
  const origin = envName ? ` (set by ${envName})` : file ? ` (in ${file})` : '';
  return `${setting} ${what}${origin}`;
}

function checkConsistency(config: Raw, sources: Map<string, string>): void {
  const connections = config['connections'] as Raw;
  const min = connections['minBackoffMs'] as number;
  const max = connections['maxBackoffMs'] as number;
  if (max < min) {
    const names = [sources.get('/connections/minBackoffMs'), sources.get('/connections/maxBackoffMs')].filter(Boolean);
    throw new ConfigError(
      `connections.maxBackoffMs (${max}) must not be below connections.minBackoffMs (${min})${names.length ? ` (set by ${names.join(', ')})` : ''}.`,
    );
  }
  const regex = (connections['hostBlocking'] as Raw)['blockedHostRegex'];
  if (typeof regex === 'string' && regex !== '') {
    try {
      new RegExp(regex);
    } catch (error) {
      const origin = sources.get('/connections/hostBlocking/blockedHostRegex') ?? 'connections.hostBlocking.blockedHostRegex';
      throw new ConfigError(`${origin} is not a valid regular expression: ${(error as Error).message}`);
    }
  }
}

/**
 * Loads the service configuration: embedded defaults, then the JSON file named by `--config` or
 * `TWINLINK_CONFIG` (deep-merged), then environment variables (see env-settings.ts). Throws a
 * {@link ConfigError} naming every bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[] = []): ServiceConfig {
  const fileRef = configFilePath(env, argv);
  const file = fileRef ? readConfigFile(fileRef.path, fileRef.origin) : {};
  const { config: fromEnv, sources } = readEnv(env);

  const { devops, ...rest } = defaultConfig();
  const defaults: Raw = { ...rest, devops: { secured: devops.secured, username: devops.username, password: devops.password } };
  const merged = deepMerge(deepMerge(defaults, file), fromEnv);

  if (!validate(merged)) {
    const problems = (validate.errors ?? []).map((e) => describe(e, sources, fileRef?.path));
    throw new ConfigError(`Invalid configuration:\n  - ${[...new Set(problems)].join('\n  - ')}`);
  }
  checkConsistency(merged, sources);

  delete merged['$schema'];
  const logs = merged['logs'] as Raw;
  const fluentd = logs['fluentd'] as Raw | undefined;
  if (fluentd) logs['fluentd'] = { port: DEFAULT_FLUENTD_PORT, tagPrefix: 'connection', ...fluentd };
  const mergedDevops = merged['devops'] as { secured: boolean; username: string; password: string };
  return {
    ...(merged as unknown as ServiceConfig),
    devops: { ...mergedDevops, passwordIsDefault: mergedDevops.password === DEFAULT_DEVOPS_PASSWORD },
  };
}
