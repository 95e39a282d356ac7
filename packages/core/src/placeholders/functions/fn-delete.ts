import type { PipelineFunction } from '../evaluation.js';
import { DELETED } from '../pipeline-element.js';
import { requireEmptyParameters } from './function-support.js';

/** `fn:delete()`: always `deleted`, whatever the input. */
export const fnDelete: PipelineFunction = {
  name: 'delete',
  parameters: [],
  compile(params) {
    requireEmptyParameters(fnDelete, params);
    return () => DELETED;
  },
};
