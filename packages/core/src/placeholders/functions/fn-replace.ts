import type { PipelineFunction } from '../evaluation.js';
import { firstValue, mapValues } from '../pipeline-element.js';
import { ParameterListParser } from './function-parameters.js';
import { parameterEvaluator, parseParameters, signatureError } from './function-support.js';

/** Two parameters and an optional third (used by `fn:replace` and `fn:filter`). */
export const TWO_OR_THREE_PARSER = new ParameterListParser(2, 1, true);

/**
 * `fn:replace(from, to)`: per value, every literal `from` replaced by `to` (first values). An
 * unresolved `from` counts as `""`; an unresolved `to` is a signature error; a third parameter is ignored.
 */
export const fnReplace: PipelineFunction = {
  name: 'replace',
  parameters: [
    { name: 'from', description: 'Specifies the string to search for and replace' },
    { name: 'to', description: "Specifies the replace string to be inserted for all matching 'from' strings" },
  ],
  compile(params, compileParameter) {
    const parsed = parseParameters(fnReplace, TWO_OR_THREE_PARSER, params);
    const [from, to, third] = parsed.map((p) => parameterEvaluator(p, compileParameter));
    if (!from || !to) throw signatureError(fnReplace, params);
    return (input, env) => {
      const search = firstValue(from(env)) ?? '';
      const replacement = firstValue(to(env));
      third?.(env);
      if (replacement === undefined) throw signatureError(fnReplace, params);
      return mapValues(input, (value) => value.replaceAll(search, () => replacement));
    };
  },
};
