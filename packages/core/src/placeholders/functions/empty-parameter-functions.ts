import type { PipelineFunction, StageEvaluator } from '../evaluation.js';
import { mapValues } from '../pipeline-element.js';
import { requireEmptyParameters } from './function-support.js';

/** A per-value function without parameters. */
export function perValueFunction(name: string, transform: (value: string) => string): PipelineFunction {
  const fn: PipelineFunction = {
    name,
    parameters: [],
    compile: (params): StageEvaluator => {
      requireEmptyParameters(fn, params);
      return (input) => mapValues(input, transform);
    },
  };
  return fn;
}
