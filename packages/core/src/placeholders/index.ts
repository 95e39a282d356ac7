export type { PlaceholderContext } from './placeholder-context.js';
export { resolvePlaceholders, toResolvedTemplate } from './resolve-placeholders.js';
export type { ResolvedTemplate } from './resolve-placeholders.js';
export { compileTemplate, cachedTemplate, MAX_TEMPLATE_VALUES } from './compile-template.js';
export type { CompiledTemplate, EvaluateOptions } from './compile-template.js';
export { compileExpression } from './compile-expression.js';
export type { CompiledExpression, EvaluationEnv, ValidationMode } from './evaluation.js';
export { DELETED, UNRESOLVED, firstValue, resolved, valuesOf } from './pipeline-element.js';
export type { PipelineElement } from './pipeline-element.js';
export {
  resolveAllOrError,
  resolveFirstOrDrop,
  resolveFirstOrError,
  resolveFirstOrSkip,
  resolveKeepLiteral,
} from './positions.js';
export type { TemplateInput } from './positions.js';
export { allConditionsHold, applyAckFilter, evaluateCondition } from './conditions.js';
export type { AckFilterOutcome } from './conditions.js';
export { validateTemplate } from './validate-template.js';
export { PLACEHOLDER_PREFIXES } from './namespaces/namespace-registry.js';
export { headerValue } from './namespaces/header-namespace.js';
export {
  MAX_PIPELINE_FUNCTIONS,
  functionUnknownError,
  signatureInvalidError,
  tooComplexError,
  unresolvedPlaceholderError,
} from './placeholder-errors.js';
