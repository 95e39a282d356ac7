import { DittoError } from '../errors/ditto-error.js';
import type { JsonObject, JsonValue } from './json-value.js';
import { isJsonObject, ownValue, setOwn } from './json-value.js';

/** A parsed field selector: one segment list per selected pointer; `*` matches any key at its level. @public */
export type FieldSelector = readonly (readonly string[])[];

/** How {@link selectFields} treats arrays on a selected path. @public */
export interface SelectOptions {
  /** Apply the rest of the path to every element (`sources/addresses` on a connection); default: arrays end a path. */
  readonly intoArrays?: boolean;
}

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

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function expand(element: string, prefix: readonly string[], out: string[][], text: string): void {
  const open = element.indexOf('(');
  if (open < 0) {
    const segments = segmentsOf(element);
    if (segments.length === 0 && prefix.length === 0) throw invalidSelector(text);
    out.push([...prefix, ...segments]);
    return;
  }
  if (!element.endsWith(')')) throw invalidSelector(text);
  const head = [...prefix, ...segmentsOf(element.slice(0, open))];
  const inner = splitTopLevel(element.slice(open + 1, -1));
  if (inner === undefined || head.length === prefix.length) throw invalidSelector(text);
  for (const part of inner) expand(part.trim(), head, out, text);
}

/**
 * Parses Ditto's field selector syntax: comma-separated pointers with `a(b,c/d)` sub-selections,
 * e.g. `thingId,attributes(location,model),features/*\/properties/temperature`. Segments are taken
 * as written (no URL decoding).
 * @throws DittoError 400 `json.fieldselector.invalid`
 * @public
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

/** The selected keys of one level; `WHOLE` for a key selected with everything below it. */
type Selection = Map<string, Selection | typeof WHOLE>;
const WHOLE = 'whole';

/** The pointers as a tree: a key selected as a whole wins over deeper selections of it. */
function selectionOf(selector: FieldSelector): Selection {
  const root: Selection = new Map();
  for (const segments of selector) {
    let level = root;
    for (let i = 0; i < segments.length; i++) {
      const key = segments[i] as string;
      const existing = level.get(key);
      if (existing === WHOLE) break;
      if (i === segments.length - 1) {
        level.set(key, WHOLE);
        break;
      }
      const next: Selection = existing ?? new Map();
      level.set(key, next);
      level = next;
    }
  }
  return root;
}

/** What applies to `key`: its own entry merged with the wildcard's. */
function selectionFor(selection: Selection, key: string): Selection | typeof WHOLE | undefined {
  const own = selection.get(key);
  const any = key === WILDCARD ? undefined : selection.get(WILDCARD);
  if (own === WHOLE || any === WHOLE) return WHOLE;
  if (own === undefined || any === undefined) return own ?? any;
  return selectionOf([...pointersOf(own), ...pointersOf(any)]);
}

function pointersOf(selection: Selection): string[][] {
  return [...selection].flatMap(([key, below]) => (below === WHOLE ? [[key]] : pointersOf(below).map((rest) => [key, ...rest])));
}

function apply(value: JsonValue, selection: Selection, options: SelectOptions): JsonValue | undefined {
  if (Array.isArray(value)) return options.intoArrays === true ? value.map((element) => apply(element, selection, options) ?? element) : undefined;
  if (!isJsonObject(value)) return undefined;
  const result: JsonObject = {};
  const keys = selection.has(WILDCARD) ? Object.keys(value) : [...selection.keys()];
  for (const key of keys) {
    const below = selectionFor(selection, key);
    const member = ownValue(value, key);
    if (below === undefined || member === undefined) continue;
    // Values selected as a whole are shared, not copied.
    const selected = below === WHOLE ? member : apply(member, below, options);
    if (selected !== undefined && !(isJsonObject(selected) && below !== WHOLE && Object.keys(selected).length === 0)) setOwn(result, key, selected);
  }
  return result;
}

/**
 * The parts of `value` the selector picks, at their original positions; missing fields are left out.
 * A value that is not an object is returned unchanged (selectors address object members).
 * @public
 */
export function selectFields(value: JsonValue, selector: FieldSelector, options: SelectOptions = {}): JsonValue {
  if (!isJsonObject(value)) return value;
  return apply(value, selectionOf(selector), options) ?? {};
}
