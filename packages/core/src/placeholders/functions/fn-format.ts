import { isJsonObject } from '../../json/json-value.js';
import type { JsonObject } from '../../json/json-value.js';
import type { PipelineFunction } from '../evaluation.js';
import { UNRESOLVED, resolved, valuesOf } from '../pipeline-element.js';
import { QUOTED_STRING_PARSER } from './fn-substring-before.js';
import { parseFormatTemplate, renderFormat } from './format-template.js';
import type { FormatPart } from './format-template.js';
import { parseParameters, singleConstant } from './function-support.js';

// Ditto reads each value as a JSON object; the literal `null` is an empty object, anything else is skipped.
function asObject(value: string): JsonObject | undefined {
  if (value === 'null') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `fn:format(t)`: renders template `t` for every value that is a JSON object (placeholders.md §4).
 * Nothing produced → `[""]`, or unresolved for an unresolved input.
 */
export const fnFormat: PipelineFunction = {
  name: 'format',
  parameters: [
    {
      name: 'template',
      description:
        'The format template with {fieldName}, {/json/pointer}, or {#array}...{/array} sections, {.} for the current element and \\{ \\} as escapes',
    },
  ],
  compile(params) {
    const template = singleConstant(parseParameters(fnFormat, QUOTED_STRING_PARSER, params));
    let parts: FormatPart[] | undefined;
    return (input) => {
      // parsed on first use: Ditto reports a broken template only when the stage runs
      parts ??= parseFormatTemplate(template);
      const results: string[] = [];
      for (const value of valuesOf(input)) {
        const object = asObject(value);
        if (object) results.push(...renderFormat(object, parts));
      }
      if (results.length > 0) return resolved(results);
      return input.kind === 'unresolved' ? UNRESOLVED : resolved(['']);
    };
  },
};
