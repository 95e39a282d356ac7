import type { JsonObject, JsonValue } from '@twinlink/core';

/** One selected field: a key and, for `a/b` or `a(b,c)`, the fields selected inside it. */
interface Selection {
  readonly key: string;
  readonly children: Selection[];
}

/**
 * Applies a Ditto field selector (`id,connectionStatus`, `sources/addresses`, `credentials(type,cert)`)
 * to an object; keys that are absent stay absent. Array values apply the inner selection to each element.
 */
export function selectFields(json: JsonObject, selector: string): JsonObject {
  return applySelection(json, parseSelector(selector));
}

/** The top-level keys a selector names. */
export function selectedKeys(selector: string): string[] {
  return parseSelector(selector).map((selection) => selection.key);
}

function parseSelector(selector: string): Selection[] {
  const selections: Selection[] = [];
  for (const part of splitTopLevel(selector)) {
    const open = part.indexOf('(');
    const path = open >= 0 ? part.slice(0, open) : part;
    const inner = open >= 0 && part.endsWith(')') ? parseSelector(part.slice(open + 1, -1)) : [];
    const keys = path.split('/').filter((key) => key !== '');
    if (keys.length === 0) continue;
    let children = inner;
    for (const key of keys.slice(1).reverse()) children = [{ key, children }];
    merge(selections, { key: keys[0] as string, children });
  }
  return selections;
}

function merge(into: Selection[], selection: Selection): void {
  const existing = into.find((candidate) => candidate.key === selection.key);
  if (!existing) into.push(selection);
  else if (existing.children.length > 0 && selection.children.length > 0) for (const child of selection.children) merge(existing.children, child);
  else existing.children.length = 0;
}

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== '');
}

function applySelection(json: JsonObject, selections: readonly Selection[]): JsonObject {
  const result: JsonObject = {};
  for (const { key, children } of selections) {
    if (!Object.hasOwn(json, key)) continue;
    const value = json[key] as JsonValue;
    result[key] = children.length === 0 ? value : applyInner(value, children);
  }
  return result;
}

function applyInner(value: JsonValue, children: readonly Selection[]): JsonValue {
  if (Array.isArray(value)) return value.map((element) => applyInner(element, children));
  if (typeof value === 'object' && value !== null) return applySelection(value, children);
  return value;
}
