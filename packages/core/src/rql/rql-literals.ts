import type { RqlCursor } from './rql-cursor.js';
import type { RqlValue } from './rql-ast.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HEX = /^[0-9A-Fa-f]$/;
const DIGIT = /^[0-9]$/;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Parses the escape sequence after a backslash (cursor on the character after `\`). `quote` is the
 * character that may be escaped besides `\` and `/`. Returns the decoded text or `null`.
 */
function parseEscape(c: RqlCursor, quote: '"' | "'"): string | null {
  const e = c.peek();
  if (e === quote || e === '\\' || e === '/') {
    c.pos++;
    return e;
  }
  const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
  if (simple !== undefined) {
    c.pos++;
    return simple;
  }
  if (e === 'u') {
    for (let k = 1; k <= 4; k++) {
      const h = c.peek(k);
      if (h === undefined || !HEX.test(h)) {
        c.fail(c.pos + k, 'HexDigit');
        return null;
      }
    }
    const code = parseInt(c.input.slice(c.pos + 1, c.pos + 5), 16);
    c.pos += 5;
    return String.fromCharCode(code);
  }
  const label = quote === '"' ? 'QuoteBackslashSlash' : 'SingleQuoteBackslashSlash';
  for (const what of [label, "'b'", "'f'", "'n'", "'r'", "'t'", 'Unicode']) c.fail(c.pos, what);
  return null;
}

/**
 * Unquoted characters of a property or placeholder name: anything but `,` `)` `"` `\`, plus escapes.
 * Stops (without failing) at the first character that cannot continue the name.
 */
export function parseCharacters(c: RqlCursor): string {
  let out = '';
  for (;;) {
    const ch = c.peek();
    if (ch === undefined || ch === ',' || ch === ')' || ch === '"') {
      c.fail(c.pos, 'NormalChar');
      c.fail(c.pos, "'\\'");
      return out;
    }
    if (ch !== '\\') {
      out += ch;
      c.pos++;
      continue;
    }
    const start = c.pos;
    c.pos++;
    const escaped = parseEscape(c, '"');
    if (escaped === null) {
      c.pos = start;
      return out;
    }
    out += escaped;
  }
}

/** A quoted string (cursor on the opening quote). */
function parseQuoted(c: RqlCursor, quote: '"' | "'"): string | null {
  c.pos++;
  let out = '';
  for (;;) {
    const ch = c.peek();
    if (ch === undefined) {
      c.fail(c.pos, quote === '"' ? 'NormalCharInQuotes' : 'NormalCharInSingleQuotes');
      c.fail(c.pos, "'\\'");
      c.fail(c.pos, 'ws');
      return null;
    }
    c.pos++;
    if (ch === quote) return out;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const escaped = parseEscape(c, quote);
    if (escaped === null) return null;
    out += escaped;
  }
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT.test(ch);
}

/** Index after the digits starting at `i` (which must be a digit). */
function skipDigits(c: RqlCursor, i: number): number {
  let j = i;
  while (isDigit(c.input.charAt(j)) && j < c.input.length) j++;
  c.fail(j, 'Digit');
  return j;
}

/**
 * `long` or `double` (cursor on a sign or digit). Integers outside the signed 64-bit range are
 * rejected at once, whatever follows.
 */
function parseNumber(c: RqlCursor): RqlValue | null {
  const start = c.pos;
  let i = start;
  if (c.input.charAt(i) === '+' || c.input.charAt(i) === '-') i++;
  const first = c.input.charAt(i);
  if (!isDigit(first) || i >= c.input.length) {
    c.fail(i, 'Digit');
    return null;
  }
  if (first !== '0' && isDigit(c.input.charAt(i + 1))) i = skipDigits(c, i + 1);
  else {
    if (first !== '0') c.fail(i + 1, 'Digits');
    i++;
  }
  if (c.input.charAt(i) === '.') {
    if (isDigit(c.input.charAt(i + 1)) && i + 1 < c.input.length) {
      const end = skipDigits(c, i + 1);
      c.pos = end;
      return { type: 'number', value: Number(c.input.slice(start, end)), integer: false };
    }
    c.fail(i + 1, 'Digits');
  } else {
    c.fail(i, 'Frac');
  }
  const text = c.input.slice(start, i);
  if (text === '-0') return null;
  const big = BigInt(text);
  if (big < LONG_MIN || big > LONG_MAX) {
    throw c.errorHere(`number ${text} does not fit a signed 64-bit integer`, start);
  }
  c.pos = i;
  return { type: 'number', value: Number(text), integer: true };
}

const KEYWORDS: readonly (readonly [string, RqlValue])[] = [
  ['true', { type: 'boolean', value: true }],
  ['false', { type: 'boolean', value: false }],
  ['null', { type: 'null' }],
];

function parseValueOnly(c: RqlCursor): RqlValue | null {
  const ch = c.peek();
  if (ch === '+' || ch === '-' || isDigit(ch)) return parseNumber(c);
  if (ch === '"' || ch === "'") {
    const value = parseQuoted(c, ch);
    return value === null ? null : { type: 'string', value };
  }
  if (c.lookingAt('time:')) {
    c.pos += 5;
    return { type: 'time', name: parseCharacters(c) };
  }
  for (const [word, value] of KEYWORDS) {
    if (c.lookingAt(word)) {
      c.pos += word.length;
      return value;
    }
  }
  return null;
}

/** A value followed by optional whitespace; `null` (with failures recorded) when none starts here. */
export function parseLiteral(c: RqlCursor): RqlValue | null {
  const start = c.pos;
  const value = parseValueOnly(c);
  if (value === null) {
    for (const what of ['DoubleLiteral', 'LongLiteral', 'StringLiteral', 'StringSingleQuoteLiteral', 'PlaceholderLiteral']) {
      c.fail(start, what);
    }
    for (const word of ["'t'", "'f'", "'n'"]) c.fail(start, word);
    c.pos = start;
    return null;
  }
  c.skipWhitespace();
  return value;
}
