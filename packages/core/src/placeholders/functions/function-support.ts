import type { DittoError } from '../../errors/ditto-error.js';
import type { CompiledExpression, EvaluationEnv, PipelineFunction } from '../evaluation.js';
import { resolved } from '../pipeline-element.js';
import type { PipelineElement } from '../pipeline-element.js';
import { signatureInvalidError } from '../placeholder-errors.js';
import type { FunctionParameter, ParameterListParser } from './function-parameters.js';
import { isEmptyParameterList } from './function-parameters.js';

/** Ditto's rendering of a signature: `(String name /* description *\/ , …)`. */
export function renderSignature(fn: Pick<PipelineFunction, 'parameters'>): string {
  return `(${fn.parameters.map((p) => `String ${p.name} /* ${p.description} */`).join(' , ')})`;
}

/** The signature error of `fn` invoked with `params`. */
export function signatureError(fn: Pick<PipelineFunction, 'name' | 'parameters'>, params: string): DittoError {
  return signatureInvalidError(fn.name, params, renderSignature(fn));
}

/** Parses with `parser` or throws the signature error of `fn`. */
export function parseParameters(
  fn: Pick<PipelineFunction, 'name' | 'parameters'>,
  parser: ParameterListParser,
  params: string,
): FunctionParameter[] {
  const parsed = parser.parse(params);
  if (!parsed) throw signatureError(fn, params);
  return parsed;
}

/** Throws the signature error of `fn` unless `params` is an empty list `()`. */
export function requireEmptyParameters(fn: Pick<PipelineFunction, 'name' | 'parameters'>, params: string): void {
  if (!isEmptyParameterList(params)) throw signatureError(fn, params);
}

/** Evaluates a parameter: a constant once, a placeholder per call. */
export function parameterEvaluator(
  parameter: FunctionParameter,
  compileParameter: (expression: string) => CompiledExpression,
): (env: EvaluationEnv) => PipelineElement {
  if (parameter.kind === 'constant') {
    const element = resolved([parameter.value]);
    return () => element;
  }
  return compileParameter(parameter.expression);
}

/** The value of a constant-only parameter list with one parameter. */
export function singleConstant(parameters: readonly FunctionParameter[]): string {
  const [first] = parameters;
  return first?.kind === 'constant' ? first.value : '';
}
