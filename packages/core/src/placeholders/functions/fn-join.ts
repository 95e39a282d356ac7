import type { PipelineFunction } from '../evaluation.js';
import { UNRESOLVED, resolved } from '../pipeline-element.js';
import { QUOTED_STRING_PARSER } from './fn-substring-before.js';
import { parseParameters, singleConstant } from './function-support.js';

/** `fn:join(d)`: all values joined by `d`; no values (also `deleted`) → unresolved. */
export const fnJoin: PipelineFunction = {
  name: 'join',
  parameters: [
    { name: 'delimiter', description: 'Specifies the string to use as delimiter when joining elements of an array to a string' },
  ],
  compile(params) {
    const delimiter = singleConstant(parseParameters(fnJoin, QUOTED_STRING_PARSER, params));
    return (input) => (input.kind === 'resolved' ? resolved([input.values.join(delimiter)]) : UNRESOLVED);
  },
};
