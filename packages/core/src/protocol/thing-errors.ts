import { DittoError } from '../errors/ditto-error.js';
import type { ThingResource } from './thing-resource.js';

/** `things:id.invalid` (400): the topic does not name a valid thing id. */
export function thingIdInvalid(thingId: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'things:id.invalid',
    message: `Thing ID '${thingId}' is not valid!`,
    description: 'It must conform to the namespaced entity ID notation (see Ditto documentation)',
    href: 'https://www.eclipse.dev/ditto/basic-namespaces-and-names.html#namespaced-id',
  });
}

/** `policies:id.invalid` (400): the topic does not name a valid policy id. */
export function policyIdInvalid(policyId: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'policies:id.invalid',
    message: `Policy ID '${policyId}' is not valid!`,
    description: 'It must conform to the namespaced entity ID notation (see Ditto documentation)',
    href: 'https://www.eclipse.dev/ditto/basic-namespaces-and-names.html#namespaced-id',
  });
}

/** `things:thing.notfound` (404). */
export function thingNotAccessible(thingId: string): DittoError {
  return new DittoError({
    status: 404,
    error: 'things:thing.notfound',
    message: `The Thing with ID '${thingId}' could not be found or requester had insufficient permissions to access it.`,
    description: 'Check if the ID of your requested Thing was correct and you have sufficient permissions.',
  });
}

/** `things:thing.conflict` (409): create of an existing thing. */
export function thingConflict(thingId: string): DittoError {
  return new DittoError({
    status: 409,
    error: 'things:thing.conflict',
    message: `The Thing with ID '${thingId}' already exists`,
    description: 'Choose another Thing ID',
  });
}

const FEATURE_CHECK = 'Check if the ID of the Thing and the Feature ID was correct and you have sufficient permissions.';

/**
 * The 404 error Ditto answers when the addressed resource of an existing thing is absent
 * (`things:attribute.notfound`, `things:feature.notfound`, …). For the thing itself: `things:thing.notfound`.
 */
export function resourceNotAccessible(thingId: string, resource: ThingResource): DittoError {
  const f = resource.featureId ?? '';
  const p = resource.pointer ?? '';
  const [error, message, description] = ((): [string, string, string] => {
    switch (resource.kind) {
      case 'thing':
        return [
          'things:thing.notfound',
          `The Thing with ID '${thingId}' could not be found or requester had insufficient permissions to access it.`,
          'Check if the ID of your requested Thing was correct and you have sufficient permissions.',
        ];
      case 'policyId':
        return [
          'things:policyId.notfound',
          `The Policy ID of the Thing with ID <${thingId}> could not be found or requester had insufficient permissions to access it.`,
          'Check if the ID of your requested Thing was correct and you have sufficient permissions.',
        ];
      case 'definition':
        return [
          'things:definition.notfound',
          `The Definition of the Thing with ID <${thingId}> could not be found or the requester had insufficient permissions to access it.`,
          'Check if the ID of the thing and the key of your requested definition was correct and you have sufficient permissions.',
        ];
      case 'attributes':
        return [
          'things:attributes.notfound',
          `The Attributes of the Thing with ID '${thingId}' could not be found or the requester had insufficient permissions to access it.`,
          'Check if the ID of the Thing was correct and you have sufficient permissions.',
        ];
      case 'attribute':
        return [
          'things:attribute.notfound',
          `The attribute with key '${p}' on the thing with ID '${thingId}' could not be found or the requester had insufficient permissions to access it.`,
          'Check if the ID of the thing and the key of your requested attribute was correct and you have sufficient permissions.',
        ];
      case 'features':
        return [
          'things:features.notfound',
          `The Features on the Thing with ID '${thingId}' do not exist or the requester had insufficient permissions to access it.`,
          'Check if the ID of the Thing was correct and you have sufficient permissions.',
        ];
      case 'feature':
        return [
          'things:feature.notfound',
          `The Feature with ID '${f}' on the Thing with ID '${thingId}' could not be found or the requester had insufficient permissions to access it.`,
          'Check if the ID of the Thing and the ID of your requested Feature was correct and you have sufficient permissions.',
        ];
      case 'featureDefinition':
        return [
          'things:feature.definition.notfound',
          `The Definition of the Feature with ID '${f}' on the Thing with ID '${thingId}' does not exist or the requester had insufficient permissions to access it.`,
          FEATURE_CHECK,
        ];
      case 'featureProperties':
        return [
          'things:feature.properties.notfound',
          `The Properties of the Feature with ID '${f}' on the Thing with ID '${thingId}' do not exist or the requester had insufficient permissions to access it.`,
          FEATURE_CHECK,
        ];
      case 'featureProperty':
        return [
          'things:feature.property.notfound',
          `The Property with JSON Pointer '${p}' of the Feature with ID '${f}' on the Thing with ID '${thingId}' does not exist or the requester had insufficient permissions to access it.`,
          'Check if the ID of the Thing, the Feature ID and the key of your requested property was correct and you have sufficient permissions.',
        ];
      case 'featureDesiredProperties':
        return [
          'things:feature.desiredProperties.notfound',
          `The desired properties of the Feature with ID '${f}' on the Thing with ID '${thingId}' do not exist or the requester had insufficient permissions to access it.`,
          FEATURE_CHECK,
        ];
      case 'featureDesiredProperty':
        return [
          'things:feature.desiredProperty.notfound',
          `The desired property with JSON Pointer '${p}' of the Feature with ID '${f}' on the Thing with ID '${thingId}' does not exist or the requester had insufficient permissions to access it.`,
          'Check if the ID of the Thing, the Feature ID and the key of your requested desired property was correct and you have sufficient permissions.',
        ];
    }
  })();
  return new DittoError({ status: 404, error, message, description });
}
