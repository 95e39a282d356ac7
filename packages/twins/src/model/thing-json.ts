import { isJsonObject, ownValue, setOwn } from '@twinlink/core';
import type { JsonObject, JsonValue, ThingResourceKind } from '@twinlink/core';
import { thingJsonInvalid } from '../errors/thing-errors.js';

const THING_FIELDS = ['thingId', 'policyId', 'definition', 'attributes', 'features'] as const;

function expectObject(value: JsonValue | undefined, what: string): void {
  if (value !== undefined && !isJsonObject(value)) throw thingJsonInvalid(`The value of '${what}' must be a JSON object.`);
}

function checkFeatureDefinition(value: JsonValue | undefined, featureId: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) {
    throw thingJsonInvalid(`The definition of the feature '${featureId}' must be a non-empty JSON array of strings.`);
  }
}

/** Checks the shape of a feature (`definition`, `properties`, `desiredProperties`). */
export function checkFeature(value: JsonValue, featureId: string): void {
  if (!isJsonObject(value)) throw thingJsonInvalid(`The feature '${featureId}' must be a JSON object.`);
  checkFeatureDefinition(ownValue(value, 'definition'), featureId);
  expectObject(ownValue(value, 'properties'), `features/${featureId}/properties`);
  expectObject(ownValue(value, 'desiredProperties'), `features/${featureId}/desiredProperties`);
}

/** Checks the shape of a features object. */
export function checkFeatures(value: JsonValue): void {
  if (!isJsonObject(value)) throw thingJsonInvalid("The value of 'features' must be a JSON object.");
  for (const featureId of Object.keys(value)) checkFeature(value[featureId] as JsonValue, featureId);
}

/**
 * Checks a new value for a resource of a thing beyond its top-level JSON type (core's classification
 * already checked that): nested feature structure, definition types.
 * @throws DittoError `json.invalid` (400)
 */
export function checkResourceValue(kind: ThingResourceKind, value: JsonValue, featureId = ''): void {
  switch (kind) {
    case 'thing':
      checkThingShape(value);
      return;
    case 'features':
      checkFeatures(value);
      return;
    case 'feature':
      checkFeature(value, featureId);
      return;
    case 'featureDefinition':
      checkFeatureDefinition(value, featureId);
      return;
    case 'attributes':
    case 'featureProperties':
    case 'featureDesiredProperties':
      expectObject(value, kind);
      return;
    case 'definition':
      if (value !== null && typeof value !== 'string') throw thingJsonInvalid("The value of 'definition' must be a string or null.");
      return;
    case 'policyId':
      if (typeof value !== 'string') throw thingJsonInvalid("The value of 'policyId' must be a string.");
      return;
    default:
      return;
  }
}

function checkThingShape(value: JsonValue): void {
  if (!isJsonObject(value)) throw thingJsonInvalid('A thing must be a JSON object.');
  const definition = ownValue(value, 'definition');
  if (definition !== undefined && definition !== null && typeof definition !== 'string') {
    throw thingJsonInvalid("The value of 'definition' must be a string or null.");
  }
  expectObject(ownValue(value, 'attributes'), 'attributes');
  const features = ownValue(value, 'features');
  if (features !== undefined) checkFeatures(features);
}

/**
 * The stored form of a thing: only Ditto's thing fields, in Ditto's order, with the given ids.
 * Values are shared with the input.
 */
export function normalizeThing(value: JsonObject, thingId: string, policyId: string): JsonObject {
  checkThingShape(value);
  const thing: JsonObject = {};
  for (const field of THING_FIELDS) {
    const member = field === 'thingId' ? thingId : field === 'policyId' ? policyId : ownValue(value, field);
    if (member !== undefined) setOwn(thing, field, member);
  }
  return thing;
}
