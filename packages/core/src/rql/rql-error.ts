import { DittoError } from '../errors/ditto-error.js';

const DESCRIPTION = 'Ensure that all opening parentheses have also closing ones and that the RQL expression is valid.';

/** A 400 `rql.expression.invalid` error with Ditto's default description. */
export function invalidRql(message: string): DittoError {
  return new DittoError({ status: 400, error: 'rql.expression.invalid', message, description: DESCRIPTION });
}

/** Renders a character the way the parse error message quotes it. */
function quoteChar(c: string): string {
  const escapes: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f' };
  return `'${escapes[c] ?? c}'`;
}

function joinExpected(expected: readonly string[]): string {
  if (expected.length <= 1) return expected.join('');
  return `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1] ?? ''}`;
}

/**
 * The message of a syntax error at `index` of `input`: what was found, what was expected, the line and
 * column (1-based) and the offending line with a caret under the position.
 */
export function syntaxErrorMessage(input: string, index: number, expected: readonly string[], reason?: string): string {
  const found = index >= input.length ? 'Unexpected end of input' : `Invalid input ${quoteChar(input.charAt(index))}`;
  const lineStart = input.lastIndexOf('\n', index - 1) + 1;
  const lineEndIndex = input.indexOf('\n', index);
  const lineEnd = lineEndIndex < 0 ? input.length : lineEndIndex;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (input.charCodeAt(i) === 10) line++;
  const column = index - lineStart + 1;
  const what = reason ?? `expected ${joinExpected(expected)}`;
  return `${found}, ${what} (line ${line}, column ${column}):\n${input.slice(lineStart, lineEnd)}\n${' '.repeat(column - 1)}^`;
}
