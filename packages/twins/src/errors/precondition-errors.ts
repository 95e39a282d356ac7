import { DittoError } from '@twinlink/core';

/** The entity kind named in precondition errors, which also selects the error code prefix. */
export type EntityKind = 'Thing' | 'Policy';

function prefix(entity: EntityKind): string {
  return entity === 'Thing' ? 'things' : 'policies';
}

/** `<prefix>:precondition.failed` (412): `if-match` / `if-none-match` did not hold for a write. */
export function preconditionFailed(entity: EntityKind, header: string, headerValue: string, etag: string): DittoError {
  return new DittoError({
    status: 412,
    error: `${prefix(entity)}:precondition.failed`,
    message: `The comparison of precondition header '${header}' for the requested ${entity} resource evaluated to false. Header value: '${headerValue}', actual entity-tag: '${etag}'.`,
    description: `The comparison of the provided precondition header with the current ETag value of the requested ${entity} resource evaluated to false. Check the value of your conditional header value.`,
  });
}

/** `<prefix>:precondition.notmodified` (304): `if-none-match` matched on a read. */
export function preconditionNotModified(entity: EntityKind, expectedNotToMatch: string, actual: string): DittoError {
  return new DittoError({
    status: 304,
    error: `${prefix(entity)}:precondition.notmodified`,
    message: `The comparison of precondition header 'if-none-match' for the requested ${entity} resource evaluated to false. Expected: '${expectedNotToMatch}' not to match actual: '${actual}'.`,
    description: `The comparison of the provided precondition header 'if-none-match' with the current ETag value of the requested ${entity} resource evaluated to false. Check the value of your conditional header value.`,
  });
}

/** `<prefix>:precondition.notmodified` (304): `if-equal: skip` and the new value equals the current one. */
export function notModifiedAsEqual(entity: EntityKind): DittoError {
  return new DittoError({
    status: 304,
    error: `${prefix(entity)}:precondition.notmodified`,
    message: "The previous value was equal to the new value and the 'if-equal' header was set to 'skip'.",
    description: 'Your changes were not applied, which is probably the expected outcome.',
  });
}

const CONDITION_DESCRIPTION = 'The provided condition did not match the actual Thing state. Please check your provided condition.';

/** `things:condition.failed` (412): the `condition` header's RQL does not hold for the thing. */
export function conditionFailed(): DittoError {
  return new DittoError({ status: 412, error: 'things:condition.failed', message: 'The specified condition does not match the state of the requested Thing.', description: CONDITION_DESCRIPTION });
}

/** `things:condition.failed` (412): the condition reads a field the requester may not READ. */
export function conditionNotReadable(): DittoError {
  return new DittoError({
    status: 412,
    error: 'things:condition.failed',
    message: 'The specified resource in the condition could not be found or the requester had insufficient permissions to access it.',
    description: 'Check if you have sufficient permissions to read the resource specified in the condition.',
  });
}
