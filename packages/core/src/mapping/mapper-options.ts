import type { JsonObject, JsonValue } from '../json/json-value.js';
import { isJsonObject, ownValue } from '../json/json-value.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import { compileTemplate } from '../placeholders/compile-template.js';
import { mapperConfigInvalid } from './mapping-errors.js';
import type { MapperOptions } from './payload-mapper.js';

/** The option naming content types for which a mapper is skipped inbound (mapping.md §5). */
export const CONTENT_TYPE_BLOCKLIST = 'content-type-blocklist';

/** `given` merged over `defaults`: given keys win; keys are copied as own data properties. */
export function mergeOptions(defaults: MapperOptions, given: MapperOptions): JsonObject {
  const merged: JsonObject = {};
  for (const source of [defaults, given]) {
    for (const key of Object.keys(source)) {
      Object.defineProperty(merged, key, { value: source[key], enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
}

/** An option as text: strings as is, numbers and booleans in their text form, `undefined` when absent or null. */
export function stringOption(options: MapperOptions, key: string): string | undefined {
  const value = ownValue(options, key) as JsonValue | undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw mapperConfigInvalid(`The mapper option '${key}' must be a string but was <${JSON.stringify(value)}>.`);
}

/**
 * A boolean option given as JSON boolean or as text; like Ditto's `Boolean.parseBoolean`, any text
 * other than `true` (ignoring case) is false.
 */
export function booleanOption(options: MapperOptions, key: string, fallback: boolean): boolean {
  const value = ownValue(options, key) as JsonValue | undefined;
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim().toLowerCase() === 'true';
  throw mapperConfigInvalid(`The mapper option '${key}' must be a boolean but was <${JSON.stringify(value)}>.`);
}

/** A JSON object option, `undefined` when absent or null. */
export function objectOption(options: MapperOptions, key: string): JsonObject | undefined {
  const value = ownValue(options, key);
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw mapperConfigInvalid(`The mapper option '${key}' must be a JSON object but was <${JSON.stringify(value)}>.`);
  return value;
}

/** An object option whose values become strings (scalars in text form, others as JSON text). */
export function stringMapOption(options: MapperOptions, key: string): Map<string, string> | undefined {
  const object = objectOption(options, key);
  if (object === undefined) return undefined;
  const map = new Map<string, string>();
  for (const name of Object.keys(object)) {
    const value = object[name] as JsonValue;
    map.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return map;
}

/** The content types of the `content-type-blocklist` option (comma-separated, trimmed, exact strings). */
export function contentTypeBlocklist(options: MapperOptions): ReadonlySet<string> {
  const text = stringOption(options, CONTENT_TYPE_BLOCKLIST);
  if (text === undefined) return new Set();
  return new Set(text.split(',').map((item) => item.trim()).filter((item) => item.length > 0));
}

/** Placeholder prefixes of mapper option templates over an external message (placeholders.md §3.1). */
const EXTERNAL_MESSAGE_PREFIXES: readonly string[] = ['header', 'time', 'request'];

/**
 * Compiles a template option once and, unless `prefixes` is `null`, checks it with the prefixes its
 * position knows; a syntax error, unknown function or unknown placeholder becomes a configuration
 * error naming the option.
 */
export function compileOptionTemplate(key: string, template: string, prefixes: readonly string[] | null = EXTERNAL_MESSAGE_PREFIXES): CompiledTemplate {
  try {
    const compiled = compileTemplate(template);
    if (prefixes !== null) compiled.validate({ allowedPrefixes: new Set(prefixes), dummy: 'dummy' });
    return compiled;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw mapperConfigInvalid(`The mapper option '${key}' is not a valid template: ${message}`);
  }
}
