import type { PlaceholderContext } from '../placeholder-context.js';

/** How names are looked up while evaluating. */
export interface LookupOptions {
  /** `header:` names ignore case (header mappings, addresses, conditions, ack filter). */
  readonly caseInsensitiveHeaders: boolean;
}

/**
 * Reads the values of one placeholder from a context whose namespace value is present (not null).
 * May throw a plain `Error` for input Ditto rejects at runtime; the evaluator turns it into
 * `placeholder:unresolved`.
 */
export type ValueLookup = (context: PlaceholderContext, options: LookupOptions) => readonly string[];

/** A placeholder family such as `header:` or `thing:`. */
export interface PlaceholderNamespace {
  readonly prefix: string;
  /** The context key that switches the namespace on. */
  readonly contextKey: keyof PlaceholderContext;
  /** The lookup for `name`, or `undefined` when the name is not supported (an error at use). */
  compileName(name: string): ValueLookup | undefined;
}

/** Reads a namespace value known to be non-null; used by lookups. */
export function contextValue<K extends keyof PlaceholderContext>(
  context: PlaceholderContext,
  key: K,
): NonNullable<PlaceholderContext[K]> | undefined {
  const value = context[key];
  return value === null || value === undefined ? undefined : (value as NonNullable<PlaceholderContext[K]>);
}
