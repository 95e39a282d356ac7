import { DittoError } from '../../errors/ditto-error.js';
import { isJsonObject } from '../../json/json-value.js';
import type { JsonObject } from '../../json/json-value.js';
import { dittoPointerSegments, formatJsonAsString } from '../namespaces/json-namespaces.js';
import { tooComplexError } from '../placeholder-errors.js';
import { valueInObject } from '../json-navigation.js';

/** A parsed `fn:format` template part. */
export type FormatPart =
  | { readonly kind: 'static'; readonly text: string }
  | { readonly kind: 'field'; readonly reference: string }
  | { readonly kind: 'section'; readonly field: string; readonly parts: readonly FormatPart[] };

const SECTION_OPEN = /(?<!\\)\{#([^}]+)\}/g;
const FIELD = /(?<!\\)\{(?!#)(?!\/[^/}]+\})([^}]+)\}/g;
/** Upper bound on the values one template may produce (Cartesian products grow fast). */
export const MAX_FORMAT_RESULTS = 100_000;

function unescapeBraces(text: string): string {
  return text.replaceAll('\\{', '{').replaceAll('\\}', '}');
}

function flatParts(fragment: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let last = 0;
  for (const match of fragment.matchAll(FIELD)) {
    if (match.index > last) parts.push({ kind: 'static', text: unescapeBraces(fragment.slice(last, match.index)) });
    parts.push({ kind: 'field', reference: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < fragment.length) parts.push({ kind: 'static', text: unescapeBraces(fragment.slice(last)) });
  return parts;
}

function closingTag(template: string, from: number, name: string): number {
  const open = `{#${name}}`;
  const close = `{/${name}}`;
  let depth = 1;
  let pos = from;
  while (pos < template.length && depth > 0) {
    const nextOpen = template.indexOf(open, pos);
    const nextClose = template.indexOf(close, pos);
    if (nextClose < 0) return -1;
    if (nextOpen >= 0 && nextOpen < nextClose) {
      depth++;
      pos = nextOpen + open.length;
    } else if (--depth === 0) {
      return nextClose;
    } else {
      pos = nextClose + close.length;
    }
  }
  return -1;
}

/**
 * Parses a format template into static text, `{field}` / `{/json/pointer}` references and
 * `{#array}…{/array}` sections. An unclosed section → `placeholder:function.signature.invalid`.
 */
export function parseFormatTemplate(template: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let pos = 0;
  while (pos < template.length) {
    SECTION_OPEN.lastIndex = pos;
    const match = SECTION_OPEN.exec(template);
    if (!match) {
      parts.push(...flatParts(template.slice(pos)));
      break;
    }
    if (match.index > pos) parts.push(...flatParts(template.slice(pos, match.index)));
    const name = match[1] ?? '';
    const bodyStart = match.index + match[0].length;
    const close = closingTag(template, bodyStart, name);
    if (close < 0) {
      throw new DittoError({
        status: 400,
        error: 'placeholder:function.signature.invalid',
        message: `Unclosed section tag {#${name}} in format template`,
        description: 'Close every {#section} with a matching {/section}.',
      });
    }
    parts.push({ kind: 'section', field: name, parts: parseFormatTemplate(template.slice(bodyStart, close)) });
    pos = close + `{/${name}}`.length;
  }
  return parts;
}

function product(lists: readonly (readonly string[])[]): string[] {
  let results = [''];
  for (const values of lists) {
    if (results.length * values.length > MAX_FORMAT_RESULTS) throw tooComplexError();
    results = results.flatMap((prefix) => values.map((value) => prefix + value));
  }
  return results;
}

function lookup(object: JsonObject, reference: string): unknown {
  return valueInObject(object, dittoPointerSegments(reference));
}

function fieldValues(object: JsonObject, reference: string): string[] {
  const value = lookup(object, reference);
  if (value === undefined || value === null) return [''];
  if (!Array.isArray(value)) return [formatJsonAsString(value)];
  return value.length === 0 ? [''] : value.map(formatJsonAsString);
}

function elementValues(element: unknown, parts: readonly FormatPart[]): string[] {
  if (isJsonObject(element)) return renderFormat(element, parts);
  const text = formatJsonAsString(element);
  return product(parts.map((part) => (part.kind === 'static' ? [part.text] : part.kind === 'field' && part.reference === '.' ? [text] : [''])));
}

function sectionValues(object: JsonObject, field: string, parts: readonly FormatPart[]): string[] {
  const value = lookup(object, field);
  if (value === undefined || value === null) return [''];
  if (!Array.isArray(value)) return elementValues(value, parts);
  if (value.length === 0) return [''];
  return value.flatMap((element) => elementValues(element, parts));
}

/** Renders parsed parts against one JSON object; array fields multiply the results. */
export function renderFormat(object: JsonObject, parts: readonly FormatPart[]): string[] {
  return product(
    parts.map((part) =>
      part.kind === 'static' ? [part.text] : part.kind === 'field' ? fieldValues(object, part.reference) : sectionValues(object, part.field, part.parts),
    ),
  );
}
