import { DittoError } from '../errors/ditto-error.js';

const UNRESOLVED_DESCRIPTION =
  'Some placeholders could not be resolved. Check the spelling of the placeholder and make sure all required headers are set.';

/** Maximum number of chained functions after a source (Ditto: 10, so 11 stages in all). */
export const MAX_PIPELINE_FUNCTIONS = 10;

/** `placeholder:unresolved` (400) for an unknown placeholder or a mandatory resolution that failed. */
export function unresolvedPlaceholderError(placeholder: string, description?: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'placeholder:unresolved',
    message: `The placeholder '${placeholder}' could not be resolved.`,
    description: description ?? UNRESOLVED_DESCRIPTION,
  });
}

/** `placeholder:function.unknown` (400). */
export function functionUnknownError(functionExpression: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'placeholder:function.unknown',
    message: `The function <${functionExpression}> is not known.`,
    description:
      'Ensure to only use supported functions. Check if you maybe just forgot to use parentheses for a function with empty parameters.',
  });
}

/** `placeholder:function.signature.invalid` (400); `signature` is the rendered expected signature. */
export function signatureInvalidError(
  functionName: string,
  invokedParameters: string,
  signature: string,
  description?: string,
): DittoError {
  return new DittoError({
    status: 400,
    error: 'placeholder:function.signature.invalid',
    message: `The function signature <fn:${functionName}${invokedParameters}> could not be parsed.`,
    description: description ?? `Ensure to conform to the function's signature: <fn:${functionName}${signature}>`,
  });
}

/** `placeholder:function.too.complex` (400). */
export function tooComplexError(): DittoError {
  return new DittoError({
    status: 400,
    error: 'placeholder:function.too.complex',
    message: 'The placeholder functions are not accepted as they are too complex.',
    description: `Please reduce the complexity (e.g. amount of chained functions below the maximum of '${MAX_PIPELINE_FUNCTIONS}') of the functions.`,
  });
}

/**
 * Converts anything thrown while resolving into a {@link DittoError}: engine limits (stack depth,
 * string length) count as "too complex", anything else as unresolved.
 */
export function toDittoError(thrown: unknown, placeholder: string): DittoError {
  if (thrown instanceof DittoError) return thrown;
  if (thrown instanceof RangeError) return tooComplexError();
  return unresolvedPlaceholderError(placeholder, thrown instanceof Error ? thrown.message : undefined);
}
