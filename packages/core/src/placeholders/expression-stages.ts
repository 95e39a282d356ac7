import { javaTrim } from './java-text.js';
import { MAX_PIPELINE_FUNCTIONS, tooComplexError, unresolvedPlaceholderError } from './placeholder-errors.js';

/**
 * Splits a placeholder expression into its trimmed pipeline stages at every `|` outside quotes,
 * following Ditto's possessive stage pattern: a stage is a non-empty run of unquoted text (without
 * `|`) and complete `'…'`/`"…"` strings (a backslash-escaped quote of the same kind does not end the
 * string). Empty stages and unterminated quotes → `placeholder:unresolved`; more than 11 stages →
 * `placeholder:function.too.complex`.
 */
export function splitStages(expression: string): string[] {
  const stages: string[] = [];
  const length = expression.length;
  let i = 0;
  for (;;) {
    const start = i;
    while (i < length) {
      const char = expression[i];
      if (char === '|') break;
      if (char === "'" || char === '"') {
        const end = closingQuote(expression, i + 1, char);
        if (end < 0) throw unresolvedPlaceholderError(expression);
        i = end + 1;
      } else {
        i++;
      }
    }
    if (i === start) throw unresolvedPlaceholderError(expression);
    stages.push(javaTrim(expression.slice(start, i)));
    if (i === length) break;
    i++;
  }
  // the count is checked only once the whole expression is known to be well-formed
  if (stages.length > MAX_PIPELINE_FUNCTIONS + 1) throw tooComplexError();
  return stages;
}

function closingQuote(text: string, from: number, quote: string): number {
  let j = from;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\' && text[j + 1] === quote) j += 2;
    else if (c === quote) return j;
    else j++;
  }
  return -1;
}
