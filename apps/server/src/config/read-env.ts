import { parseConfigDuration } from '@twinlink/core';
import { ConfigError } from './config-error.js';
import { ENV_SETTINGS, type EnvKind, type EnvSetting } from './env-settings.js';

type Raw = Record<string, unknown>;

function convert(setting: EnvSetting, text: string): unknown {
  const fail = (expected: string): never => {
    throw new ConfigError(`${setting.name}=${JSON.stringify(text)} is invalid: expected ${expected}.`);
  };
  const kinds: Record<EnvKind, () => unknown> = {
    string: () => text,
    list: () => text.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    boolean: () => {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === '1' || lower === 'yes') return true;
      if (lower === 'false' || lower === '0' || lower === 'no') return false;
      return fail('true or false');
    },
    integer: () => (/^\s*\d+\s*$/.test(text) ? Number(text) : fail('a non-negative integer')),
    port: () => (/^\s*\d+\s*$/.test(text) ? Number(text) : fail('a port number 0–65535')),
    duration: () => parseConfigDuration(text) ?? fail('a duration such as 500ms, 10s, 5m, 1h (a bare number means ms)'),
  };
  return kinds[setting.kind]();
}

function setAt(target: Raw, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    node = typeof next === 'object' && next !== null ? (next as Raw) : (node[key] = {});
  }
  node[last] = value;
}

/**
 * The settings given by environment variables, in the shape of the config file. Empty variables
 * count as unset, so `PORT=` in a compose file does not override the file or the default.
 * @returns the partial configuration and, per JSON pointer, the variable that set it (for error messages)
 */
export function readEnv(env: NodeJS.ProcessEnv): { config: Raw; sources: Map<string, string> } {
  const config: Raw = {};
  const sources = new Map<string, string>();
  for (const setting of ENV_SETTINGS) {
    const text = env[setting.name];
    if (text === undefined || text.trim() === '') continue;
    setAt(config, setting.pointer, convert(setting, text));
    sources.set(setting.pointer, setting.name);
  }
  return { config, sources };
}
