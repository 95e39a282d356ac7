/**
 * The result of one pipeline stage: one or more values, no value, or an explicit deletion signal
 * (placeholders.md §1.2).
 */
export type PipelineElement =
  | { readonly kind: 'resolved'; readonly values: readonly string[] }
  | { readonly kind: 'unresolved' }
  | { readonly kind: 'deleted' };

/** The `unresolved` element (no value). */
export const UNRESOLVED: PipelineElement = Object.freeze({ kind: 'unresolved' });
/** The `deleted` element (from `fn:delete()`). */
export const DELETED: PipelineElement = Object.freeze({ kind: 'deleted' });

/** A `resolved` element, or `unresolved` when `values` is empty. */
export function resolved(values: readonly string[]): PipelineElement {
  return values.length === 0 ? UNRESOLVED : { kind: 'resolved', values };
}

/** The values of an element; none for `unresolved` and `deleted`. */
export function valuesOf(element: PipelineElement): readonly string[] {
  return element.kind === 'resolved' ? element.values : [];
}

/** The first value, if any. */
export function firstValue(element: PipelineElement): string | undefined {
  return element.kind === 'resolved' ? element.values[0] : undefined;
}

/**
 * Combines per-value results like Ditto: a `deleted` result wins, `unresolved` results vanish and the
 * values of the others are concatenated in order.
 */
export function concatElements(left: PipelineElement, right: PipelineElement): PipelineElement {
  if (left.kind === 'deleted' || left.kind === 'unresolved') return left.kind === 'deleted' ? left : right;
  if (right.kind === 'deleted') return right;
  if (right.kind === 'unresolved') return left;
  return { kind: 'resolved', values: [...left.values, ...right.values] };
}

/**
 * Applies `fn` to every value of a resolved element and combines the results with
 * {@link concatElements}; `unresolved` and `deleted` pass through unchanged.
 */
export function flatMapValues(element: PipelineElement, fn: (value: string) => PipelineElement): PipelineElement {
  if (element.kind !== 'resolved') return element;
  let result: PipelineElement | undefined;
  for (const value of element.values) {
    const next = fn(value);
    result = result === undefined ? next : concatElements(result, next);
  }
  return result ?? UNRESOLVED;
}

/** Maps every value of a resolved element one to one; other elements pass through. */
export function mapValues(element: PipelineElement, fn: (value: string) => string): PipelineElement {
  return element.kind === 'resolved' ? { kind: 'resolved', values: element.values.map(fn) } : element;
}
