import type { PipelineFunction } from '../evaluation.js';
import { UNRESOLVED, firstValue, flatMapValues, resolved, valuesOf } from '../pipeline-element.js';
import { TWO_OR_THREE_PARSER } from './fn-replace.js';
import { filterOperator } from './filter-operators.js';
import type { FilterOperator } from './filter-operators.js';
import { parameterEvaluator, parseParameters, signatureError } from './function-support.js';

interface FilterSpec {
  readonly operator: FilterOperator | undefined;
  /** Values of the first parameter; absent in form 3, where the input values are filtered. */
  readonly filterValues?: readonly string[];
  /** Values compared against; absent in form 2. */
  readonly compared?: readonly string[];
}

// Ditto's condition for forms 1 and 2: unresolved sides count as "".
function conditionHolds({ operator, filterValues = [], compared }: FilterSpec): boolean {
  if (!operator) return false;
  if (compared === undefined) return filterValues.some((value) => operator(value));
  if (filterValues.length > 0 && compared.length > 0) {
    return filterValues.some((value) => compared.some((other) => operator(value, other)));
  }
  if (filterValues.length === 0 && compared.length === 0) return operator('', '');
  if (filterValues.length === 0) return compared.some((other) => operator('', other));
  return filterValues.some((value) => operator(value, ''));
}

/**
 * `fn:filter`: `(A, op, B)` and `(A, 'exists')` keep or drop the whole input by a condition,
 * `(op, B)` filters the input values (placeholders.md §4.1).
 */
export const fnFilter: PipelineFunction = {
  name: 'filter',
  parameters: [
    {
      name: 'filterValue',
      description:
        'Specifies the optional value that should be taken into account for filtering. It may be a constant in single or double quotes or a placeholder or may be omitted completely in order to apply the filtering on the previous pipeline element instead.',
    },
    { name: 'rqlFunction', description: 'Specifies the rql function that should be applied for comparison.' },
    { name: 'comparedValue', description: 'The param that contains the value that should compared to the filter value.' },
  ],
  compile(params, compileParameter) {
    const parameters = parseParameters(fnFilter, TWO_OR_THREE_PARSER, params).map((p) => parameterEvaluator(p, compileParameter));
    const [first, second, third] = parameters;
    if (!first || !second) throw signatureError(fnFilter, params);
    return (input, env) => {
      const a = first(env);
      const b = second(env);
      const c = third?.(env);
      let spec: FilterSpec;
      if (c === undefined) {
        spec =
          firstValue(b) === 'exists'
            ? { operator: filterOperator('exists'), filterValues: valuesOf(a) }
            : { operator: filterOperator(firstValue(a)), compared: valuesOf(b) };
      } else {
        const name = firstValue(b);
        if (name === undefined) throw signatureError(fnFilter, params);
        spec = { operator: filterOperator(name), filterValues: valuesOf(a), compared: valuesOf(c) };
      }
      if (spec.filterValues === undefined) {
        const { operator, compared = [] } = spec;
        return flatMapValues(input, (value) =>
          operator && compared.some((other) => operator(value, other)) ? resolved([value]) : UNRESOLVED,
        );
      }
      return conditionHolds(spec) ? input : input.kind === 'resolved' ? UNRESOLVED : input;
    };
  },
};
