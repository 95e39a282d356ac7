import type { PipelineFunction } from '../evaluation.js';
import { resolved } from '../pipeline-element.js';
import { ParameterListParser } from './function-parameters.js';
import { parseParameters, singleConstant } from './function-support.js';

/** Shared by `fn:substring-before` and `fn:substring-after`: one quoted string parameter. */
export const QUOTED_STRING_PARSER = new ParameterListParser(1, 0, false);

/** `fn:substring-before(s)`: per value, the part before the first `s`; values without `s` are dropped. */
export const fnSubstringBefore: PipelineFunction = {
  name: 'substring-before',
  parameters: [
    {
      name: 'givenString',
      description: 'Specifies the string to use in order to determine the substring before the first occurrence of that given string',
    },
  ],
  compile(params) {
    const given = singleConstant(parseParameters(fnSubstringBefore, QUOTED_STRING_PARSER, params));
    return (input) =>
      input.kind === 'resolved'
        ? resolved(input.values.filter((v) => v.includes(given)).map((v) => v.slice(0, v.indexOf(given))))
        : input;
  },
};
