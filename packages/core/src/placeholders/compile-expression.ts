import type { DittoError } from '../errors/ditto-error.js';
import type { CompiledExpression, EvaluationEnv, StageEvaluator } from './evaluation.js';
import { splitStages } from './expression-stages.js';
import { functionForStage, isSupportedFunctionCall } from './functions/function-registry.js';
import { javaTrim } from './java-text.js';
import { namespaceFor } from './namespaces/namespace-registry.js';
import { UNRESOLVED, resolved } from './pipeline-element.js';
import type { PipelineElement } from './pipeline-element.js';
import { functionUnknownError, toDittoError, tooComplexError, unresolvedPlaceholderError } from './placeholder-errors.js';

/** Nesting limit for placeholder parameters such as `fn:default(fn:default(…))`. */
const MAX_NESTING = 32;

function failing(error: unknown, expression: string): () => never {
  const dittoError: DittoError = toDittoError(error, expression);
  return () => {
    throw dittoError;
  };
}

function compileSource(stage: string): CompiledExpression {
  const colon = stage.indexOf(':');
  if (colon < 0) return failing(unresolvedPlaceholderError(stage), stage);
  const prefix = javaTrim(stage.slice(0, colon));
  // like Ditto, the name starts after the trimmed prefix and its colon
  const name = stage.slice(prefix.length + 1);
  const namespace = namespaceFor(prefix);
  const lookup = namespace?.compileName(name);
  return (env: EvaluationEnv): PipelineElement => {
    if (!namespace || !lookup) throw unresolvedPlaceholderError(stage);
    if (env.validation) {
      if (!env.validation.allowedPrefixes.has(prefix)) throw unresolvedPlaceholderError(stage);
      return resolved([env.validation.dummy]);
    }
    const value = env.context[namespace.contextKey];
    if (value === undefined) throw unresolvedPlaceholderError(stage);
    if (value === null) return UNRESOLVED;
    try {
      return resolved(lookup(env.context, env.lookup));
    } catch (error) {
      throw toDittoError(error, stage);
    }
  };
}

function compileFunctionStage(stage: string, depth: number): StageEvaluator {
  // Ditto strips the first "fn:" anywhere in the stage before checking the name
  if (!isSupportedFunctionCall(stage.replace('fn:', ''))) return failing(functionUnknownError(stage), stage);
  const fn = functionForStage(stage);
  // a known name without the "fn:" prefix (e.g. `upper()`) quietly yields unresolved
  if (!fn) return () => UNRESOLVED;
  const params = javaTrim(stage.replace(`fn:${fn.name}`, ''));
  let evaluate: StageEvaluator;
  try {
    evaluate = fn.compile(params, (expression) => compileExpression(expression, depth + 1));
  } catch (error) {
    return failing(error, stage);
  }
  return (input, env) => {
    try {
      return evaluate(input, env);
    } catch (error) {
      // e.g. malformed Base64 or URL escapes: Ditto fails the resolution
      throw toDittoError(error, stage);
    }
  };
}

/**
 * Compiles a placeholder expression (the content of `{{ … }}`, or a brace-less pipeline such as a
 * condition) into an evaluator. Errors that Ditto raises while resolving are raised by the
 * evaluator, in Ditto's order, not here.
 */
export function compileExpression(expression: string, depth = 0): CompiledExpression {
  if (depth > MAX_NESTING) return failing(tooComplexError(), expression);
  let stages: string[];
  try {
    stages = splitStages(expression);
  } catch (error) {
    return failing(error, expression);
  }
  const [first = ''] = stages;
  const startsWithFunction = first.startsWith('fn:');
  const source = startsWithFunction ? undefined : compileSource(first);
  const functions = (startsWithFunction ? stages : stages.slice(1)).map((stage) => compileFunctionStage(stage, depth));
  return (env) => {
    let element = source ? source(env) : UNRESOLVED;
    for (const stage of functions) element = stage(element, env);
    return element;
  };
}
