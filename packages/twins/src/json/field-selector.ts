import { DittoError, isJsonObject, ownValue, setOwn } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';

/** A parsed `fields` selector: one segment list per selected pointer; `*` matches any key at its level. */
export type FieldSelector = readonly (readonly string[])[];

const WILDCARD = '*';

function invalidSelector(text: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'json.fieldselector.invalid',
    message: `The field selector <${text}> is invalid!`,
    description: 'Please provide a comma separated list of valid JSON pointers.',
  });
}

/** Splits at commas outside parentheses; `undefined` when parentheses do not balance. */
function splitTopLevel(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40) depth++;
    else if (ch === 41 && --depth < 0) return undefined;
    else if (ch === 44 && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

function expand(element: string, prefix: readonly string[], out: string[][], text: string): void {
  const open = element.indexOf('(');
  if (open < 0) {
    const segments = element.split('/').filter((segment) => segment.length > 0);
    if (segments.length === 0 && prefix.length === 0) throw invalidSelector(text);
    out.push([...prefix, ...segments]);
    return;
  }
  if (!element.endsWith(')')) throw invalidSelector(text);
  const head = [...prefix, ...element.slice(0, open).split('/').filter((segment) => segment.length > 0)];
  const inner = splitTopLevel(element.slice(open + 1, -1));
  if (inner === undefined || head.length === prefix.length) throw invalidSelector(text);
  for (const part of inner) expand(part.trim(), head, out, text);
}

/**
 * Parses Ditto's field selector syntax: comma-separated pointers with `a(b,c/d)` sub-selections,
 * e.g. `thingId,attributes(location,model),features/*\/properties/temperature`.
 * @throws DittoError 400 `json.fieldselector.invalid`
 */
export function parseFieldSelector(text: string): FieldSelector {
  const elements = splitTopLevel(text);
  if (elements === undefined) throw invalidSelector(text);
  const out: string[][] = [];
  for (const element of elements) {
    const trimmed = element.trim();
    if (trimmed.length === 0) throw invalidSelector(text);
    expand(trimmed, [], out, text);
  }
  return out;
}

function project(source: JsonValue, segments: readonly string[], index: number, target: JsonObject): void {
  if (!isJsonObject(source)) return;
  const key = segments[index] as string;
  const keys = key === WILDCARD ? Object.keys(source) : [key];
  for (const name of keys) {
    const value = ownValue(source, name);
    if (value === undefined) continue;
    if (index === segments.length - 1) {
      setOwn(target, name, value);
      continue;
    }
    if (!isJsonObject(value)) continue;
    const existing = ownValue(target, name);
    // Already selected as a whole by an earlier pointer: it is the shared stored value, never to be written to.
    if (existing === value) continue;
    const child: JsonObject = isJsonObject(existing) ? existing : {};
    project(value, segments, index + 1, child);
    if (existing === undefined && Object.keys(child).length > 0) setOwn(target, name, child);
  }
}

/**
 * The parts of `value` the selector picks, at their original positions; values are shared, not
 * copied. A non-object value is returned unchanged (selectors address object members only).
 */
export function selectFields(value: JsonValue, selector: FieldSelector): JsonValue {
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const segments of selector) {
    if (segments.length > 0) project(value, segments, 0, result);
  }
  return result;
}
