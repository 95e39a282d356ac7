import type { PipelineFunction } from '../evaluation.js';
import { resolved, valuesOf } from '../pipeline-element.js';
import { QUOTED_STRING_PARSER } from './fn-substring-before.js';
import { parseParameters, signatureError, singleConstant } from './function-support.js';
import { javaRegex, javaSplit } from './java-regex.js';

/**
 * `fn:split(sep)`: per value containing `sep` literally, split at the regular expression `sep`
 * (Java semantics); other values are kept. `unresolved`/`deleted` input or no values left → unresolved.
 */
export const fnSplit: PipelineFunction = {
  name: 'split',
  parameters: [{ name: 'separator', description: 'Specifies the string to use in order to determine where to split' }],
  compile(params) {
    const separator = singleConstant(parseParameters(fnSplit, QUOTED_STRING_PARSER, params));
    let regex: RegExp | undefined;
    return (input) => {
      const out: string[] = [];
      for (const value of valuesOf(input)) {
        if (!value.includes(separator)) {
          out.push(value);
          continue;
        }
        if (regex === undefined) {
          try {
            regex = javaRegex(separator);
          } catch {
            throw signatureError(fnSplit, params);
          }
        }
        out.push(...javaSplit(value, regex));
      }
      return resolved(out);
    };
  },
};
