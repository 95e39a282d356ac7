import { DittoError } from '../errors/ditto-error.js';

/** `protocoladapter:unknown.topicpath` (400): the topic string cannot be parsed. */
export function unknownTopicPath(topic: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'protocoladapter:unknown.topicpath',
    message: `The topic path '${topic}' is not supported.`,
    description: 'Check if the topic path is correct.',
  });
}

/** `protocoladapter:unknown.topicpath` (400): a valid topic that cannot be combined with the path (e.g. `create` at `/policyId`). */
export function unsupportedTopicAndPath(topic: string, path: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'protocoladapter:unknown.topicpath',
    message: `The topic '${topic}' is not supported in combination with the path '${path}'`,
    description: 'Check if the topic path is correct.',
  });
}

/** `protocoladapter:unknown.path` (400): the path addresses no known resource. */
export function unknownPath(path: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'protocoladapter:unknown.path',
    message: `The path '${path}' does not correspond to any known command, response or event.`,
    description: 'Check if the path is correct.',
  });
}

/** `protocoladapter:invalid.path` (400): the path has the wrong shape for the signal (e.g. a message path with another subject). */
export function invalidPath(path: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'protocoladapter:invalid.path',
    message: `The path '${path}' is not valid.`,
    description: 'Check if the path is correct.',
  });
}

/** `protocoladapter:unknown.channel` (400): the channel is not allowed for the signal type. */
export function unknownChannel(channel: string, signalType: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'protocoladapter:unknown.channel',
    message: `The channel '${channel}' is not supported in combination with signal type '${signalType}'.`,
    description: 'Check if the channel is correct.',
  });
}

/** `protocoladapter:illegal.adaptable` (422): a semantically illegal message. */
export function illegalAdaptable(message: string): DittoError {
  return new DittoError({
    status: 422,
    error: 'protocoladapter:illegal.adaptable',
    message,
    description: 'Please ensure that the Adaptable matches the expectations.',
  });
}

/** `json.invalid` (400): malformed JSON or a field of the wrong type. */
export function jsonInvalid(message: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'json.invalid',
    message,
    description: 'Check if the JSON was valid (e.g. on https://jsonlint.com) and if it was in required format.',
  });
}

/** `json.invalid` (400) for a field whose value has the wrong JSON type. */
export function fieldTypeInvalid(pointer: string, value: unknown, expectedType: string): DittoError {
  return jsonInvalid(`Value <${preview(value)}> for <${pointer}> is not of type <${expectedType}>!`);
}

/** `json.field.missing` (400): a mandatory field is absent. */
export function jsonFieldMissing(pointer: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'json.field.missing',
    message: `JSON did not include required <${pointer}> field!`,
    description: 'Check if all required JSON fields were set.',
  });
}

/** `json.pointer.invalid` (400): a path with empty segments (`//`). */
export function jsonPointerInvalid(pointer: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'json.pointer.invalid',
    message: `The JSON pointer <${preview(pointer)}> is invalid!`,
    description: 'Consecutive slashes in JSON pointers are not supported.',
  });
}

/** `mediatype.unsupported` (415): a merge command without `content-type: application/merge-patch+json`. */
export function mergeContentTypeMissing(): DittoError {
  return new DittoError({
    status: 415,
    error: 'mediatype.unsupported',
    message:
      'The Content-Type header was empty or not present. Please set Content-Type header to "application/merge-patch+json" for this resource',
    description: 'Allowed Media-Type is: <application/merge-patch+json>.',
    href: 'https://tools.ietf.org/html/rfc7396',
  });
}

const PREVIEW_LENGTH = 100;

/** Error messages echo input; huge inputs are shortened so errors stay small. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(JSON.stringify(value));
  } catch {
    text = String(value);
  }
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
}
