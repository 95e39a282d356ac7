export type {
  RqlComparisonNode,
  RqlComparisonOperator,
  RqlInNode,
  RqlLogicalNode,
  RqlNode,
  RqlNotNode,
  RqlPropertyNode,
  RqlTimeValue,
  RqlValue,
} from './rql-ast.js';
export { parseRql, MAX_RQL_DEPTH } from './rql-parser.js';
export { compileRql, FALSE, TRUE, UNKNOWN } from './rql-compile.js';
export type { CompiledRql, RqlEvaluationInput, Truth } from './rql-compile.js';
export type { RqlPlaceholderLookup } from './rql-property.js';
export { evaluateRql, compileFilter } from './evaluate-rql.js';
export type { EvaluateRqlOptions } from './evaluate-rql.js';
export { isKnownRqlProperty, validateRqlProperties } from './rql-validate.js';
export { resolveTimeValue, formatInstant } from './time-value.js';
