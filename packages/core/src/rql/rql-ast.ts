/** Comparison operators taking one property and one value. */
export type RqlComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'like' | 'ilike';

/** A `time:` placeholder used as a value (`time:now`, `time:now_epoch_millis-1h`); resolved at evaluation time. */
export interface RqlTimeValue {
  readonly type: 'time';
  /** The placeholder name after `time:`, verbatim (escapes resolved). */
  readonly name: string;
}

/**
 * A literal value of an RQL expression. Integers (`long`) and decimals (`double`) are both JS numbers;
 * `integer` records which grammar rule produced them because Ditto renders them differently as text.
 */
export type RqlValue =
  | { readonly type: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | RqlTimeValue;

/** `eq|ne|gt|ge|lt|le|like|ilike(property,value)`. */
export interface RqlComparisonNode {
  readonly type: 'comparison';
  readonly operator: RqlComparisonOperator;
  readonly property: string;
  readonly value: RqlValue;
}

/** `in(property,value1,…)`. */
export interface RqlInNode {
  readonly type: 'in';
  readonly property: string;
  readonly values: readonly RqlValue[];
}

/** `and(q1,…)` / `or(q1,…)`. */
export interface RqlLogicalNode {
  readonly type: 'and' | 'or';
  readonly children: readonly RqlNode[];
}

/** `not(q)`. */
export interface RqlNotNode {
  readonly type: 'not';
  readonly child: RqlNode;
}

/** `exists(property)` / `empty(property)`. */
export interface RqlPropertyNode {
  readonly type: 'exists' | 'empty';
  readonly property: string;
}

/**
 * The parsed form of an RQL filter (discriminated by `type`).
 * @public
 */
export type RqlNode = RqlComparisonNode | RqlInNode | RqlLogicalNode | RqlNotNode | RqlPropertyNode;
