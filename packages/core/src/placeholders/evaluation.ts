import type { LookupOptions } from './namespaces/placeholder-namespace.js';
import type { PipelineElement } from './pipeline-element.js';
import type { PlaceholderContext } from './placeholder-context.js';

/** Validation mode: every known placeholder of an allowed prefix resolves to `dummy`. */
export interface ValidationMode {
  readonly allowedPrefixes: ReadonlySet<string>;
  readonly dummy: string;
}

/** Everything an expression needs while it is evaluated. */
export interface EvaluationEnv {
  readonly context: PlaceholderContext;
  readonly lookup: LookupOptions;
  readonly validation?: ValidationMode;
}

/** A parsed placeholder expression (pipeline), evaluated per message. */
export type CompiledExpression = (env: EvaluationEnv) => PipelineElement;

/** One compiled function stage of a pipeline. */
export type StageEvaluator = (input: PipelineElement, env: EvaluationEnv) => PipelineElement;

/** Documentation of one function parameter, used to render Ditto's signature text. */
export interface ParameterDoc {
  readonly name: string;
  readonly description: string;
}

/** A pipeline function `fn:<name>(…)`. */
export interface PipelineFunction {
  readonly name: string;
  readonly parameters: readonly ParameterDoc[];
  /**
   * Parses the parameter list (parentheses included) once; throws the signature error for a list
   * that does not fit. Placeholder parameters are compiled with `compileParameter`.
   */
  compile(paramsIncludingParentheses: string, compileParameter: (expression: string) => CompiledExpression): StageEvaluator;
}
