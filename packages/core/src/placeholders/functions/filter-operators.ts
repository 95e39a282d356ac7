import { globMatches } from './glob-match.js';

/** A `fn:filter` operator, called with one or two arguments like Ditto's filter functions. */
export type FilterOperator = (...args: string[]) => boolean;

const OPERATORS = new Map<string, FilterOperator>([
  ['eq', (...args) => args.length === 2 && args[0] === args[1]],
  ['ne', (...args) => args.length === 2 && args[0] !== args[1]],
  ['like', (...args) => args.length === 2 && globMatches(args[0] ?? '', args[1] ?? '')],
  [
    'exists',
    (...args) => {
      if (args.length === 1) return args[0] !== '';
      // Java's Boolean.parseBoolean: "true" in any case, everything else false
      if (args.length === 2) return (args[1]?.toLowerCase() === 'true') !== (args[0] === '');
      return false;
    },
  ],
]);

/** The operator called `name`; unknown names have none (the condition is then false). */
export function filterOperator(name: string | undefined): FilterOperator | undefined {
  return name === undefined ? undefined : OPERATORS.get(name);
}
