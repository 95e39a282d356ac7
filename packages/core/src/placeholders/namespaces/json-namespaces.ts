import { DittoError } from '../../errors/ditto-error.js';
import { isJsonObject, ownValue } from '../../json/json-value.js';
import { valueInObject } from '../json-navigation.js';
import type { PlaceholderNamespace } from './placeholder-namespace.js';

/** Ditto's `JsonPointer.of`: no empty segments in the middle, `~0` decodes to `~`, leading `/` optional. */
export function dittoPointerSegments(pointer: string): string[] {
  if (pointer.includes('//')) {
    throw new DittoError({
      status: 400,
      error: 'json.pointer.invalid',
      message: `The JSON pointer <${pointer}> is invalid!`,
      description: 'Consecutive slashes in JSON pointers are not supported.',
    });
  }
  return pointer
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.replaceAll('~0', '~'));
}

/** A JSON value as Ditto's `formatAsString`: strings without quotes, anything else as JSON text. */
export function formatJsonAsString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * `thing-json:<pointer>` (any name but `id`, `namespace`, `name`): the value in the thing JSON; an
 * array yields one value per element, a missing or `null` value nothing.
 */
export const thingJsonNamespace: PlaceholderNamespace = {
  prefix: 'thing-json',
  contextKey: 'thingJson',
  compileName: (name) => {
    if (name === 'id' || name === 'namespace' || name === 'name') return undefined;
    return (context) => {
      if (name.length === 0) throw new Error("The argument 'name' must not be empty!");
      let path = name.trim();
      if (path.startsWith('thing-json:')) path = path.slice('thing-json:'.length).trim();
      if (path.length === 0 || !context.thingJson) return [];
      const value = valueInObject(context.thingJson, dittoPointerSegments(path));
      if (value === undefined || value === null) return [];
      return Array.isArray(value) ? value.map(formatJsonAsString) : [formatJsonAsString(value)];
    };
  },
};

function jwtValues(value: unknown, segments: readonly string[], out: string[]): void {
  const [head, ...rest] = segments;
  if (head === undefined) {
    if (Array.isArray(value)) for (const item of value) out.push(formatJsonAsString(item));
    else out.push(formatJsonAsString(value));
  } else if (Array.isArray(value)) {
    for (const item of value) jwtValues(item, segments, out);
  } else if (isJsonObject(value)) {
    const next = ownValue(value, head);
    if (next !== undefined) jwtValues(next, rest, out);
  }
}

/** `jwt:<pointer>`: claims of a JWT body; arrays are flattened at every level, duplicates removed. */
export const jwtNamespace: PlaceholderNamespace = {
  prefix: 'jwt',
  contextKey: 'jwt',
  compileName: (name) => (context) => {
    if (name.length === 0) throw new Error("The argument 'placeholder' must not be empty!");
    if (!context.jwt) return [];
    const out: string[] = [];
    jwtValues(context.jwt, dittoPointerSegments(name), out);
    return [...new Set(out)];
  },
};
