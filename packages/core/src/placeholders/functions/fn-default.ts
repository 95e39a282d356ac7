import type { PipelineFunction } from '../evaluation.js';
import { ParameterListParser } from './function-parameters.js';
import { parameterEvaluator, parseParameters, signatureError } from './function-support.js';

const PARSER = new ParameterListParser(1, 0, true);

/** `fn:default(v)`: an unresolved input becomes the value(s) of `v`; other inputs pass unchanged. */
export const fnDefault: PipelineFunction = {
  name: 'default',
  parameters: [
    {
      name: 'defaultValue',
      description: 'Specifies the default/fallback value and may be a constant in single or double quotes or a placeholder',
    },
  ],
  compile(params, compileParameter) {
    const [parameter] = parseParameters(fnDefault, PARSER, params);
    if (!parameter) throw signatureError(fnDefault, params);
    const fallback = parameterEvaluator(parameter, compileParameter);
    return (input, env) => {
      // the parameter is resolved first, so its errors surface whatever the input
      const value = fallback(env);
      return input.kind === 'unresolved' ? value : input;
    };
  },
};
