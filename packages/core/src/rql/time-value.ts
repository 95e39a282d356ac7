import { evaluateTimeExpression, formatInstant, parseTimeExpression } from '../placeholders/namespaces/time-expression.js';

export { formatInstant };

/**
 * Compiles the name of a `time:` value in a filter (`now`, `now_epoch_millis`, with offset and
 * truncation — the same grammar as the `time:` placeholder) into a function of the clock. The
 * function answers `undefined` for names Ditto does not support and for times out of range.
 */
export function compileTimeValue(name: string): (now: Date) => string | undefined {
  const expression = parseTimeExpression(name);
  if (expression === undefined) return () => undefined;
  return (now) => {
    try {
      return evaluateTimeExpression(expression, now.getTime())[0];
    } catch {
      return undefined;
    }
  };
}

/** The text of a `time:` value at `now`, or `undefined` (see {@link compileTimeValue}). */
export function resolveTimeValue(name: string, now: Date): string | undefined {
  return compileTimeValue(name)(now);
}
