import type { JsonObject } from '../json/json-value.js';
import { pointerSegments, valueAt, withValueAt } from '../json/json-pointer.js';

/** A parsed field selector: the JSON pointers it selects, as segments. */
export type FieldSelector = readonly (readonly string[])[];

/** Splits at commas outside parentheses; `undefined` for unbalanced parentheses. */
function splitTopLevel(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return undefined;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

function expand(element: string): string[] | undefined {
  const open = element.indexOf('(');
  if (open < 0) return [element];
  if (!element.endsWith(')')) return undefined;
  const inner = splitTopLevel(element.slice(open + 1, -1));
  if (inner === undefined) return undefined;
  const out: string[] = [];
  for (const part of inner) {
    const expanded = expand(part);
    if (expanded === undefined) return undefined;
    out.push(...expanded.map((pointer) => `${element.slice(0, open)}/${pointer}`));
  }
  return out;
}

/**
 * Parses a Ditto field selector (`thingId,attributes/a,features(f1,f2/properties)`) into pointers,
 * without URL decoding. `undefined` when the parentheses do not balance or nothing is selected.
 */
export function parseFieldSelector(selector: string): FieldSelector | undefined {
  const elements = splitTopLevel(selector);
  if (elements === undefined) return undefined;
  const pointers: string[][] = [];
  for (const element of elements) {
    const expanded = expand(element.trim());
    if (expanded === undefined) return undefined;
    for (const pointer of expanded) {
      const segments = pointerSegments(pointer.trim());
      if (segments.length > 0) pointers.push(segments);
    }
  }
  return pointers.length === 0 ? undefined : pointers;
}

/** The parts of `object` the selector names, at their places; missing fields are left out. */
export function selectFields(object: JsonObject, selector: FieldSelector): JsonObject {
  let result: unknown = {};
  for (const segments of selector) {
    const value = valueAt(object, segments);
    if (value !== undefined) result = withValueAt(result, segments, value);
  }
  return result as JsonObject;
}
