import { DittoError } from '../errors/ditto-error.js';
import { pointerOf, pointerSegments } from '../json/json-pointer.js';

/** Ditto's allowed thing fields, checked on the selector text (sub-selections are not allowed through). */
const FIELD = String.raw`/?(?:thingId|policyId|definition|_namespace|_revision|_created|_modified|_policy|(?:attributes|features|_metadata|_context)(?:/[^,]+)?)`;
const FIELD_SELECTION = new RegExp(`^${FIELD}(?:,${FIELD})*$`);

function invalidSelection(selector: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'things:field.selection.invalid',
    message: `Thing field selection <${selector}> was not valid.`,
    description: 'Check if all of the selected fields are valid fields of a thing.',
  });
}

/** Whether the text contains a `{{ … }}` placeholder. */
export function containsPlaceholder(text: string): boolean {
  return /\{\{.*\}\}/s.test(text);
}

/** Splits at commas outside parentheses and placeholder braces. */
function splitTopLevel(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let braces = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '{') braces++;
    else if (ch === '}') braces = Math.max(0, braces - 1);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return undefined;
    else if (ch === ',' && depth === 0 && braces === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

/** Expands one element (`a/b(c,d(e))`) into pointer texts; elements with placeholders stay verbatim. */
function expand(element: string): string[] | undefined {
  const open = element.indexOf('(');
  if (containsPlaceholder(element) || open < 0) return [element];
  if (!element.endsWith(')')) return undefined;
  const inner = splitTopLevel(element.slice(open + 1, -1));
  if (inner === undefined) return undefined;
  const prefix = element.slice(0, open);
  const out: string[] = [];
  for (const part of inner) {
    const expanded = expand(part);
    if (expanded === undefined) return undefined;
    out.push(...expanded.map((p) => `${prefix}/${p}`));
  }
  return out;
}

/**
 * Parses an `extraFields` selector into distinct JSON pointers (with leading `/`), expanding
 * `a(b,c)` sub-selections. Unless it contains a placeholder, the selector must select allowed thing
 * fields only (rql-and-topics.md §3, checked like Ditto on the selector text).
 * @throws DittoError 400 `things:field.selection.invalid`.
 */
export function parseExtraFields(selector: string): string[] {
  const hasPlaceholder = containsPlaceholder(selector);
  if (!hasPlaceholder && !FIELD_SELECTION.test(selector)) throw invalidSelection(selector);
  const elements = splitTopLevel(selector);
  const pointers = new Set<string>();
  for (const element of elements ?? [selector]) {
    const expanded = expand(element);
    if (expanded === undefined) throw invalidSelection(selector);
    for (const text of expanded) {
      if (/\/\//.test(text)) throw invalidSelection(selector);
      const segments = pointerSegments(text);
      if (segments.length > 0) pointers.add(pointerOf(segments));
    }
  }
  return [...pointers];
}
