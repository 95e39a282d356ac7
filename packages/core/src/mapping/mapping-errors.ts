import { DittoError } from '../errors/ditto-error.js';

const CONFIG_INVALID = 'connectivity:message.mapper.config.invalid';
const MAPPING_FAILED = 'connectivity:message.mapping.failed';

/** 400 `connectivity:message.mapper.config.invalid` for a missing (or unusable) option. */
export function mapperOptionMissing(property: string): DittoError {
  return new DittoError({
    status: 400,
    error: CONFIG_INVALID,
    message: `The message mapper was not configured correctly as property '${property}' was missing from the mapper's configuration.`,
    description: "Make sure to add the missing property to the mapper's configuration.",
  });
}

/** 400 `connectivity:message.mapper.config.invalid` with a mapper-specific message. */
export function mapperConfigInvalid(message: string, description?: string): DittoError {
  return new DittoError({ status: 400, error: CONFIG_INVALID, message, description: description ?? "Check the mapper's configuration." });
}

/**
 * 400 `connectivity:message.mapping.failed`: "The external message with content-type '<ct>' could not
 * be mapped." with a description.
 */
export function mappingFailed(contentType: string | undefined, description?: string): DittoError {
  const known = contentType !== undefined && contentType.length > 0;
  return new DittoError({
    status: 400,
    error: MAPPING_FAILED,
    message: `The external message with content-type '${known ? contentType : '<unspecified>'}' could not be mapped.`,
    description:
      description ??
      (known
        ? 'Check if you are sending the correct content-type/payload combination an that you have registered a mapper which transforms your payload to Ditto Protocol'
        : "Make sure you specify the 'Content-Type' when sending your message"),
  });
}

/** 400 `connectivity:message.mapping.failed` with a message of its own. */
export function mappingFailedWith(message: string, description?: string): DittoError {
  return new DittoError({ status: 400, error: MAPPING_FAILED, message, ...(description !== undefined ? { description } : {}) });
}

/** The limit error of mapping.md §2 step 3: more messages than allowed per call. */
export function tooManyMessages(mapperId: string, produced: number, limit: number): DittoError {
  return mappingFailedWith(
    'The number of messages produced by the payload mapping exceeded the limits.',
    `The payload mapping '${mapperId}' produced ${produced} messages, which exceeds the limit of ${limit}.`,
  );
}

/** The Ditto mapper's error for an empty or absent payload. */
export function payloadAbsent(contentType: string | undefined): DittoError {
  return mappingFailed(contentType, 'As payload was absent or empty, please make sure to send payload in your messages.');
}

/** A failure that is not a Ditto error, described as mapping.md §2 step 5 says. */
export function unknownProblem(direction: 'inbound' | 'outbound', mapperId: string, contentType: string | undefined, cause: unknown): DittoError {
  const name = cause instanceof Error ? cause.name : typeof cause;
  const text = cause instanceof Error ? cause.message : String(cause);
  const error = mappingFailed(contentType, `Could not map ${direction} message with mapper '${mapperId}' due to unknown problem: ${name} ${text}`);
  return cause instanceof Error ? new DittoError(error.toJSON(), { cause }) : error;
}

/** 431 `headers.too.large`: the headers of a mapped signal exceed the size limit. */
export function headersTooLarge(maxBytes: number): DittoError {
  return new DittoError({
    status: 431,
    error: 'headers.too.large',
    message: 'The headers are too large.',
    description: `The number of bytes exceeded the maximum allowed value <${maxBytes}>!`,
  });
}

