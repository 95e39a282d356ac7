/**
 * Ditto exception simple names (as the reference reports them) mapped onto twinlink error codes.
 * `IllegalArgumentException` is what Ditto's pipeline functions throw for undecodable input
 * (url-decode, base64-decode, an empty placeholder name); twinlink reports it as unresolved.
 */
export const DITTO_ERROR_CODES: Readonly<Record<string, string>> = {
  UnresolvedPlaceholderException: 'placeholder:unresolved',
  PlaceholderFunctionUnknownException: 'placeholder:function.unknown',
  PlaceholderFunctionSignatureInvalidException: 'placeholder:function.signature.invalid',
  PlaceholderFunctionTooComplexException: 'placeholder:function.too.complex',
  IllegalArgumentException: 'placeholder:unresolved',
  ParserException: 'rql.expression.invalid',
  InvalidRqlExpressionException: 'rql.expression.invalid',
  TopicParseException: 'connectivity:topic.invalid',
  InvalidThingFieldSelectionException: 'things:field.selection.invalid',
};

/** The simple name of the exception in a reference error (`"Name: message"` → `Name`). */
export function exceptionName(error: string): string {
  const colon = error.indexOf(':');
  return colon < 0 ? error : error.slice(0, colon);
}

/** The twinlink code for a reference error, or `ditto:<ExceptionSimpleName>` when there is none. */
export function codeOfDittoError(error: string): string {
  const name = exceptionName(error);
  return DITTO_ERROR_CODES[name] ?? `ditto:${name}`;
}
