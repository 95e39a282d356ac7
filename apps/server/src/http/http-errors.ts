import { DittoError, isDittoErrorJson, jsonInvalid } from '@twinlink/core';

/** Longest excerpt of client input quoted back in an error message. */
const QUOTE_LIMIT = 200;

function quote(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/** 401 for a missing or wrong DevOps credential. */
export function authenticationFailed(message: string): DittoError {
  return new DittoError({
    status: 401,
    error: 'gateway:authentication.failed',
    message,
    description: 'Provide the DevOps user and password with HTTP Basic authentication.',
  });
}

/** 400 `json.invalid` for unparsable text, quoting the start of it. */
export function jsonUnparsable(text: string): DittoError {
  return jsonInvalid(`Failed to parse JSON string '${quote(text)}'!`);
}

/** 400 for a required JSON field that is absent. */
export function jsonFieldMissing(pointer: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'json.field.missing',
    message: `JSON did not include required <${pointer}> field!`,
    description: 'Check if all required JSON fields were set.',
  });
}

/** 400 for a JSON field of the wrong type. */
export function jsonFieldWrongType(pointer: string, value: unknown, type: string): DittoError {
  return jsonInvalid(`Value <${quote(JSON.stringify(value) ?? String(value))}> for <${pointer}> is not of type <${type}>!`);
}

/** 415 for a request body whose content type the resource does not accept. */
export function mediaTypeUnsupported(given: string, allowed: readonly string[]): DittoError {
  return new DittoError({
    status: 415,
    error: 'mediatype.unsupported',
    message: `The Media-Type <${quote(given)}> is not supported for this Resource.`,
    description: `Allowed Media-Types are: <${allowed.join(', ')}>.`,
  });
}

/** 413 for a body above the configured limit. */
export function requestTooLarge(limitBytes: number): DittoError {
  return new DittoError({
    status: 413,
    error: 'gateway:request.entity.toolarge',
    message: `The request body exceeds the limit of ${limitBytes} bytes.`,
    description: 'Send a smaller body or raise TWINLINK_BODY_LIMIT_BYTES.',
  });
}

/** 404 for a path no route serves. */
export function resourceNotFound(path: string): DittoError {
  return new DittoError({ status: 404, error: 'resource.notfound', message: `The requested resource <${quote(path)}> could not be found.` });
}

/** 405 for a method a known resource does not support. */
export function methodNotAllowed(method: string, allowed: readonly string[]): DittoError {
  return new DittoError({
    status: 405,
    error: 'method.notallowed',
    message: `The HTTP method <${method}> is not allowed for this resource.`,
    description: `Supported methods: ${allowed.join(', ')}.`,
  });
}

/** 400 `connectivity:connection.id.invalid`, worded as core words it. */
export function connectionIdInvalid(id: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:connection.id.invalid',
    message: `The Connection ID '${quote(id)}' is not valid.`,
    description: "It must conform to the regex '^[a-zA-Z0-9-_:]{1,100}$'.",
  });
}

/** 400 when POST carries an id, or PUT carries one that differs from the path. */
export function idNotSettable(method: 'POST' | 'PUT'): DittoError {
  return new DittoError(
    method === 'POST'
      ? {
          status: 400,
          error: 'connectivity:id.notsettable',
          message: 'It is not allowed to provide an explicit ID for a connection.',
          description: 'Remove the ID from the connection as it will be generated.',
        }
      : {
          status: 400,
          error: 'connectivity:id.notsettable',
          message: 'The Connection ID in the request body is not equal to the Connection ID in the request URL.',
          description: 'Either delete the Connection ID from the request body or use the same ID as in the request URL.',
        },
  );
}

/** 400 for a text body of `POST …/command` that names no supported command. */
export function commandInvalid(text: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:command.invalid',
    message: `The command <${quote(text)}> is invalid or unknown.`,
    description: 'Choose from one of the valid commands, e.g. <connectivity.commands:openConnection>.',
  });
}

/** 400 when a full list would exceed the retrieve limit. */
export function connectionsAmountIllegal(limit: number): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:connections.amount.illegal',
    message: `The amount of requested connections exceeds the limit of '${limit}'.`,
    description: 'Please request less connection ids.',
  });
}

/** 503 while the service starts or stops. */
export function serviceUnavailable(message: string): DittoError {
  return new DittoError({ status: 503, error: 'gateway:service.unavailable', message });
}

/** 500 for anything that is not a Ditto error; details go to the service log, not to the client. */
export function internalError(): DittoError {
  return new DittoError({
    status: 500,
    error: 'connectivity:internalerror',
    message: 'There was an internal error while processing the request.',
    description: 'The service log has the details; the correlation-id response header identifies the request.',
  });
}

/** Any thrown value as a Ditto error: Ditto errors (and their JSON) as they are, fastify's request errors by status. */
export function toDittoError(error: unknown, bodyLimitBytes: number): DittoError {
  if (error instanceof DittoError) return error;
  if (isDittoErrorJson(error)) return new DittoError(error);
  const fastifyError = error as { code?: string; statusCode?: number; message?: string };
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413) return requestTooLarge(bodyLimitBytes);
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new DittoError({ status: fastifyError.statusCode, error: 'request.invalid', message: fastifyError.message ?? 'Invalid request.' });
  }
  return internalError();
}
