import { DittoError } from '../errors/ditto-error.js';
import { configurationInvalid } from '../validation/validation-errors.js';
import { isJsonObject, ownValue } from '../json/json-value.js';
import type { JsonObject } from '../json/json-value.js';

// Readers for model construction. Each names the offending field by JSON pointer.

/** 400 `json.field.missing` for a mandatory field. */
export function missingField(pointer: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'json.field.missing',
    message: `Mandatory field <${pointer}> is missing!`,
    description: 'Check if all required JSON fields were set.',
  });
}


function wrongType(pointer: string, expected: string, value: unknown): DittoError {
  const shown = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return configurationInvalid(`The field <${pointer}> must be ${expected} but was ${shown}.`);
}

/** Absent and JSON null both count as "not given". */
export function fieldOf(object: JsonObject, key: string): unknown {
  const value = ownValue(object, key);
  return value === null ? undefined : value;
}

export function requireObject(value: unknown, pointer: string): JsonObject {
  if (value === undefined) throw missingField(pointer);
  if (!isJsonObject(value)) throw wrongType(pointer, 'an object', value);
  return value;
}

export function optionalObject(object: JsonObject, key: string, pointer: string): JsonObject | undefined {
  const value = fieldOf(object, key);
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw wrongType(pointer, 'an object', value);
  return value;
}

export function requireString(object: JsonObject, key: string, pointer: string): string {
  const value = fieldOf(object, key);
  if (value === undefined) throw missingField(pointer);
  if (typeof value !== 'string') throw wrongType(pointer, 'a string', value);
  return value;
}

export function optionalString(object: JsonObject, key: string, pointer: string): string | undefined {
  const value = fieldOf(object, key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw wrongType(pointer, 'a string', value);
  return value;
}

export function optionalBoolean(object: JsonObject, key: string, pointer: string, fallback: boolean): boolean {
  const value = fieldOf(object, key);
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw wrongType(pointer, 'a boolean', value);
  return value;
}

export function optionalInteger(object: JsonObject, key: string, pointer: string): number | undefined {
  const value = fieldOf(object, key);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(pointer, 'an integer', value);
  return value;
}

/** An array whose non-string elements are ignored (Ditto's lenient reading of string lists). */
export function stringList(object: JsonObject, key: string, pointer: string, required: boolean): string[] | undefined {
  const value = fieldOf(object, key);
  if (value === undefined) {
    if (required) throw missingField(pointer);
    return undefined;
  }
  if (!Array.isArray(value)) throw wrongType(pointer, 'an array', value);
  return value.filter((element): element is string => typeof element === 'string');
}

/** Set semantics: duplicates removed, first occurrence order kept. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** A string→string map; non-string values are ignored (header mappings, conditions). */
export function stringMap(object: JsonObject, key: string, pointer: string): Record<string, string> | undefined {
  const value = optionalObject(object, key, pointer);
  if (value === undefined) return undefined;
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry === 'string') result[name] = entry;
  }
  return result;
}

/** Own enumerable entries, safe for keys such as `__proto__`. */
export function toPlainRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return record;
}
