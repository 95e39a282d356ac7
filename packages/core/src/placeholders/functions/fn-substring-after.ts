import type { PipelineFunction } from '../evaluation.js';
import { resolved } from '../pipeline-element.js';
import { QUOTED_STRING_PARSER } from './fn-substring-before.js';
import { parseParameters, singleConstant } from './function-support.js';

/** `fn:substring-after(s)`: per value, the part after the first `s`; values without `s` are dropped. */
export const fnSubstringAfter: PipelineFunction = {
  name: 'substring-after',
  parameters: [
    {
      name: 'givenString',
      description: 'Specifies the string to use in order to determine the substring after the first occurrence of that given string',
    },
  ],
  compile(params) {
    const given = singleConstant(parseParameters(fnSubstringAfter, QUOTED_STRING_PARSER, params));
    return (input) =>
      input.kind === 'resolved'
        ? resolved(input.values.filter((v) => v.includes(given)).map((v) => v.slice(v.indexOf(given) + given.length)))
        : input;
  },
};
