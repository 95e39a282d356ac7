import type { PipelineFunction } from '../evaluation.js';
import { fnBase64Decode } from './fn-base64-decode.js';
import { fnBase64Encode } from './fn-base64-encode.js';
import { fnDefault } from './fn-default.js';
import { fnDelete } from './fn-delete.js';
import { fnFilter } from './fn-filter.js';
import { fnFormat } from './fn-format.js';
import { fnJoin } from './fn-join.js';
import { fnLower } from './fn-lower.js';
import { fnReplace } from './fn-replace.js';
import { fnSplit } from './fn-split.js';
import { fnSubstringAfter } from './fn-substring-after.js';
import { fnSubstringBefore } from './fn-substring-before.js';
import { fnTrim } from './fn-trim.js';
import { fnUpper } from './fn-upper.js';
import { fnUrlDecode } from './fn-url-decode.js';
import { fnUrlEncode } from './fn-url-encode.js';

/** Every pipeline function, in Ditto's lookup order. */
export const PIPELINE_FUNCTIONS: readonly PipelineFunction[] = [
  fnFilter,
  fnDefault,
  fnSubstringBefore,
  fnSubstringAfter,
  fnLower,
  fnUpper,
  fnTrim,
  fnUrlEncode,
  fnUrlDecode,
  fnBase64Encode,
  fnBase64Decode,
  fnDelete,
  fnReplace,
  fnSplit,
  fnJoin,
  fnFormat,
];

/** Ditto's "supported" test: the text starts with a function name followed by `(`. */
export function isSupportedFunctionCall(text: string): boolean {
  return PIPELINE_FUNCTIONS.some((fn) => text.startsWith(`${fn.name}(`));
}

/** The function whose call `stage` is (`fn:<name>(…`), if any. */
export function functionForStage(stage: string): PipelineFunction | undefined {
  return PIPELINE_FUNCTIONS.find((fn) => stage.startsWith(`fn:${fn.name}(`));
}
