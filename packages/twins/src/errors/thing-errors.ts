import { DittoError } from '@twinlink/core';
import type { ThingResource } from '@twinlink/core';

const CHECK_THING = 'Check if the ID of your requested Thing was correct and you have sufficient permissions.';
const CHECK_FEATURE = 'Check if the ID of the Thing and the Feature ID was correct and you have sufficient permissions.';
const WRITE_REQUIRED = "had insufficient permissions ('WRITE' is required).";

function forbidden(error: string, message: string, description: string): DittoError {
  return new DittoError({ status: 403, error, message, description });
}

/** The 403 Ditto answers when WRITE is missing on the addressed resource (`things:<resource>.notmodifiable`, `things:thing.notdeletable`). */
export function notModifiable(thingId: string, resource: ThingResource, deleting: boolean): DittoError {
  const f = resource.featureId ?? '';
  const p = resource.pointer ?? '';
  switch (resource.kind) {
    case 'thing':
      return deleting
        ? forbidden('things:thing.notdeletable', `The Thing with ID '${thingId}' could not be deleted as the requester had insufficient permissions ( 'WRITE' on root resource is required).`, CHECK_THING)
        : forbidden('things:thing.notmodifiable', `The Thing with ID '${thingId}' could not be modified as the requester ${WRITE_REQUIRED}`, CHECK_THING);
    case 'policyId':
      return forbidden('things:policyId.notmodifiable', `The Policy ID of the Thing with ID '${thingId}' could not be modified as the requester ${WRITE_REQUIRED}`, CHECK_THING);
    case 'definition':
      return forbidden('things:definition.notmodifiable', `The Definition on the Thing with ID '${thingId}' could not be modified as the requester ${WRITE_REQUIRED}`, CHECK_THING);
    case 'attributes':
      return forbidden('things:attributes.notmodifiable', `The Attributes on the Thing with ID '${thingId}' could not be modified as the requester ${WRITE_REQUIRED}`, CHECK_THING);
    case 'attribute':
      return forbidden('things:attribute.notmodifiable', `The Attribute with name '${p}' on the Thing with ID '${thingId}' could not be modified as the requester ${WRITE_REQUIRED}`, CHECK_THING);
    case 'features':
      return forbidden('things:features.notmodifiable', `The Features on the Thing with ID '${thingId}' cannot be modified as requester had insufficient permissions to modify it ('WRITE' is required).`, 'Check if the ID of the Thing was correct and you have sufficient permissions.');
    case 'feature':
      return forbidden('things:feature.notmodifiable', `The Feature with ID '${f}' on the Thing with ID '${thingId}' could not be modified as the requester had insufficient permissions to modify it ('WRITE' is required).`, 'Check if the ID of the Thing and the ID of your requested Feature was correct and you have sufficient permissions.');
    case 'featureDefinition':
      return forbidden('things:feature.definition.notmodifiable', `The Definition of the Feature with ID '${f}' on the Thing with ID '${thingId}' cannot be modified as the requester had insufficient permissions to modify it ('WRITE' is required).`, CHECK_FEATURE);
    case 'featureProperties':
      return forbidden('things:feature.properties.notmodifiable', `The Properties of the Feature with ID '${f}' on the Thing with ID '${thingId}' cannot be modified as the requester had insufficient permissions to modify it ('WRITE' is required).`, CHECK_FEATURE);
    case 'featureProperty':
      return forbidden('things:feature.property.notmodifiable', `The Property with JSON Pointer '${p}' of the Feature with ID '${f}' on the Thing with ID '${thingId}' could not be modified as the requester had insufficient permissions to modify it ('WRITE' is required).`, 'Check if the ID of the Thing, the Feature ID and the key of your requested property was correct and you have sufficient permissions.');
    case 'featureDesiredProperties':
      return forbidden('things:feature.desiredProperties.notmodifiable', `The desired properties of the Feature with ID '${f}' on the Thing with ID '${thingId}' cannot be modified as the requester had insufficient permissions to modify it ('WRITE' is required).`, CHECK_FEATURE);
    case 'featureDesiredProperty':
      return forbidden('things:feature.desiredProperty.notmodifiable', `The desired property with JSON Pointer '${p}' of the Feature with ID '${f}' on the Thing with ID '${thingId}' could not be modified as the requester had insufficient permissions to modify it ('WRITE' is required).`, 'Check if the ID of the Thing, the Feature ID and the key of your requested desired property was correct and you have sufficient permissions.');
  }
}

/** `things:thing.toolarge` (413): the thing would exceed the size limit (sizes reported in whole kB like Ditto). */
export function thingTooLarge(size: number, maxSize: number): DittoError {
  return new DittoError({
    status: 413,
    error: 'things:thing.toolarge',
    message: `The size of '${Math.floor(size / 1024)}' kB exceeds the maximal allowed Thing size of '${Math.floor(maxSize / 1024)}' kB.`,
    description: 'Reduce the Thing size in the bounds of the specified limit',
  });
}

/** `things:thing.notcreatable` (400): the thing names a policy that does not exist. */
export function policyMissingForCreate(thingId: string, policyId: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'things:thing.notcreatable',
    message: `The Thing with ID '${thingId}' could not be created as the Policy with ID '${policyId}' is not existing.`,
    description: 'Check if the ID of the Policy you created the Thing with is correct and that the Policy is existing.',
  });
}

/** `things:thing.notcreatable` (400): the implicit or inline policy of a new thing could not be created. */
export function policyCreationFailed(thingId: string, policyId: string, reason: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'things:thing.notcreatable',
    message: `The Thing with ID '${thingId}' could not be created as the Policy with ID '${policyId}' could not be created due to: '${reason}'`,
    description: "If you want to use an existing Policy, specify it as 'policyId' in the Thing JSON you create.",
  });
}

/** `things:id.notsettable` (400): the body names another thing id than the topic. */
export function thingIdNotSettable(): DittoError {
  return new DittoError({
    status: 400,
    error: 'things:id.notsettable',
    message: 'The Thing ID in the request body is not equal to the Thing ID in the request URL.',
    description: 'Either delete the Thing ID from the request body or use the same Thing ID as in the request URL.',
  });
}

/** `things:policy.notallowed` (400): an inline policy on an existing thing. */
export function inlinePolicyNotAllowed(thingId: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'things:policy.notallowed',
    message: `The Thing with ID '${thingId}' could not be modified as it contained an inline Policy`,
    description: "Once a Thing with inline Policy is created it can't be modified with another Policy. Use the Policy resources to modify the existing Policy.",
  });
}

/** `things:thing.unavailable` (503): the store failed to persist or load. */
export function thingUnavailable(thingId: string, cause?: unknown): DittoError {
  return new DittoError(
    {
    status: 503,
    error: 'things:thing.unavailable',
    message: `The Thing with ID '${thingId}' is not available, please try again later.`,
      description: 'The requested Thing is temporarily not available, please retry the performed action in order to improve resiliency.',
    },
    { cause },
  );
}

/** A value that is valid JSON but not a valid thing part (wrong nesting, bad definition identifiers). */
export function thingJsonInvalid(message: string): DittoError {
  return new DittoError({ status: 400, error: 'json.invalid', message, description: 'Check if the JSON was valid (e.g. on https://jsonlint.com) and if it was in required format.' });
}

/** `things:merge.invalid` (400): a merge patch that cannot apply at its path (e.g. `null` for the whole thing). */
export function mergeInvalid(): DittoError {
  return new DittoError({
    status: 400,
    error: 'things:merge.invalid',
    message: 'The provided JSON Merge Patch is invalid, it must conform to RFC7396.',
    description: 'The provided JSON Merge Patch cannot be applied at the given path.',
  });
}
