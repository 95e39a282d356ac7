import { DittoError } from '@twinlink/core';

const CHECK_POLICY = 'Check if the ID of your requested Policy was correct and you have sufficient permissions.';

/** `policies:policy.notfound` (404). */
export function policyNotAccessible(policyId: string): DittoError {
  return new DittoError({ status: 404, error: 'policies:policy.notfound', message: `The Policy with ID '${policyId}' could not be found or requester had insufficient permissions to access it.`, description: CHECK_POLICY });
}

/** `policies:policy.conflict` (409): create of an existing policy. */
export function policyConflict(policyId: string): DittoError {
  return new DittoError({ status: 409, error: 'policies:policy.conflict', message: `The Policy with ID '${policyId}' already exists`, description: 'Choose another Policy ID' });
}

/** `policies:policy.notmodifiable` (403): WRITE on the policy resource is missing. */
export function policyNotModifiable(policyId: string): DittoError {
  return new DittoError({ status: 403, error: 'policies:policy.notmodifiable', message: `The Policy with ID '${policyId}' could not be modified as the requester had insufficient permissions.`, description: CHECK_POLICY });
}

/** `policies:policy.notcreatable` (403): the new policy would not let the requester write it. */
export function policyNotCreatable(policyId: string): DittoError {
  return new DittoError({ status: 403, error: 'policies:policy.notcreatable', message: `The Policy with ID '${policyId}' could not be created as the requester had insufficient permissions.`, description: 'Check if you have sufficient permissions in the new policy to create.' });
}

/** `policies:policy.modificationinvalid` (403): the change would lock the requester out of the policy. */
export function policyModificationInvalid(policyId: string): DittoError {
  return new DittoError({ status: 403, error: 'policies:policy.modificationinvalid', message: `The Policy with ID '${policyId}' could not be modified as the resulting Policy would be invalid.`, description: "There must always be at least one PolicyEntry with 'WRITE' permissions on resource 'policy:/'." });
}

/** `policies:policy.toolarge` (413). */
export function policyTooLarge(size: number, maxSize: number): DittoError {
  return new DittoError({ status: 413, error: 'policies:policy.toolarge', message: `The size of '${Math.floor(size / 1024)}' kB exceeds the maximal allowed Policy size of '${Math.floor(maxSize / 1024)}' kB.`, description: 'Reduce the Policy size in the bounds of the specified limit' });
}

/** `policies:entry.notfound` (404). */
export function entryNotAccessible(policyId: string, label: string): DittoError {
  return new DittoError({ status: 404, error: 'policies:entry.notfound', message: `The PolicyEntry with Label '${label}' on the Policy with ID '${policyId}' could not be found or requester had insufficient permissions to access it.`, description: 'Check if the ID of the Policy and the Label of your requested PolicyEntry was correct and you have sufficient permissions.' });
}

/** `policies:subject.notfound` (404). */
export function subjectNotAccessible(policyId: string, label: string, subjectId: string): DittoError {
  return new DittoError({ status: 404, error: 'policies:subject.notfound', message: `The Subject with ID '${subjectId}' of the PolicyEntry with Label '${label}' on the Policy with ID '${policyId}' could not be found or requester had insufficient permissions to access it.`, description: 'Check if the ID of the Policy, the Label of the PolicyEntry and ID of your requested Subject was correct and you have sufficient permissions.' });
}

/** `policies:resource.notfound` (404). */
export function resourceNotAccessible(policyId: string, label: string, resourceKey: string): DittoError {
  return new DittoError({ status: 404, error: 'policies:resource.notfound', message: `The Resource '${resourceKey}' of the PolicyEntry with Label '${label}' on the Policy with ID '${policyId}' could not be found or requester had insufficient permissions to access it.`, description: 'Check if the ID of the Policy, the Label of the PolicyEntry and the path of your requested Resource was correct and you have sufficient permissions.' });
}

/** `policies:entry.invalid` (400): the policy JSON does not have Ditto's shape. */
export function policyEntryInvalid(message: string): DittoError {
  return new DittoError({ status: 400, error: 'policies:entry.invalid', message, description: 'Check the structure of the policy: entries with subjects and resources granting or revoking READ/WRITE.' });
}

/** `policies:id.notsettable` (400): the body names another policy id than the topic. */
export function policyIdNotSettable(): DittoError {
  return new DittoError({ status: 400, error: 'policies:id.notsettable', message: 'The Policy ID in the request body is not equal to the Policy ID in the request URL.', description: 'Either delete the Policy ID from the request body or use the same Policy ID as in the request URL.' });
}

/** `policies:policy.unavailable` (503): the store failed. */
export function policyUnavailable(policyId: string, cause?: unknown): DittoError {
  return new DittoError(
    { status: 503, error: 'policies:policy.unavailable', message: `The Policy with ID '${policyId}' is not available, please try again later.`, description: 'The requested Policy is temporarily not available, please retry the performed action in order to improve resiliency.' },
    { cause },
  );
}

/** `policies:subjectexpiry.invalid` (400): an `expiry` that is no ISO-8601 timestamp, or lies in the past. */
export function subjectExpiryInvalid(expiry: string, inThePast: boolean): DittoError {
  return new DittoError({
    status: 400,
    error: 'policies:subjectexpiry.invalid',
    message: `Subject expiry timestamp '${expiry}' is not valid.`,
    description: inThePast ? 'It must not be in the past, please adjust to a timestamp in the future.' : 'It must be provided as ISO-8601 formatted char sequence.',
  });
}

/** `policies:subjectannouncement.invalid` (400): a duration of an `announcement` Ditto cannot read (its message names `beforeExpiry` whichever duration it was). */
export function subjectAnnouncementInvalid(duration: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'policies:subjectannouncement.invalid',
    message: `The 'beforeExpiry' duration '${duration}' is not valid.`,
    description: "It must be a positive integer followed by 'h' (hours), 'm' (minutes) or 's' (seconds).",
  });
}
