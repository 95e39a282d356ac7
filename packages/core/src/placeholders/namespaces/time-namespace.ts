import type { PlaceholderContext } from '../placeholder-context.js';
import type { PlaceholderNamespace } from './placeholder-namespace.js';
import { evaluateTimeExpression, parseTimeExpression } from './time-expression.js';

function nowOf(context: PlaceholderContext): number {
  const time = context.time;
  if (time instanceof Date) return time.getTime();
  if (typeof time === 'number') return time;
  return Date.now();
}

/** `time:now…` / `time:now_epoch_millis…` with optional offset and truncation (placeholders.md §3). */
export const timeNamespace: PlaceholderNamespace = {
  prefix: 'time',
  contextKey: 'time',
  compileName: (name) => {
    const expression = parseTimeExpression(name);
    return expression && ((context) => evaluateTimeExpression(expression, nowOf(context)));
  },
};
