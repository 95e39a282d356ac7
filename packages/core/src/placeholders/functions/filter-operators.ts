import { compileGlob } from '../../text/glob-pattern.js';

// Patterns are usually constants of the configuration: compile each once.
const globs = new Map<string, (value: string) => boolean>();
const GLOB_CACHE_LIMIT = 256;

function likeMatches(value: string, pattern: string): boolean {
  let glob = globs.get(pattern);
  if (glob === undefined) {
    glob = compileGlob(pattern, { alternatives: true });
    if (globs.size >= GLOB_CACHE_LIMIT) globs.clear();
    globs.set(pattern, glob);
  }
  return glob(value);
}

/** A `fn:filter` operator, called with one or two arguments like Ditto's filter functions. */
export type FilterOperator = (...args: string[]) => boolean;

const OPERATORS = new Map<string, FilterOperator>([
  ['eq', (...args) => args.length === 2 && args[0] === args[1]],
  ['ne', (...args) => args.length === 2 && args[0] !== args[1]],
  ['like', (...args) => args.length === 2 && likeMatches(args[0] ?? '', args[1] ?? '')],
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
