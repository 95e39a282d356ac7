import { DittoError } from '@twinlink/core';

/**
 * Largest live message payload, whether consumed from a broker or posted to the HTTP API (Ditto's
 * `limits.messages.max-size`, 250k); things and policies are capped lower by the twin engine.
 */
export const MAX_MESSAGE_BYTES = 250 * 1024;

/** 413 for a message payload of `size` bytes above {@link MAX_MESSAGE_BYTES}. */
export function messageTooLarge(size: number): DittoError {
  return new DittoError({
    status: 413,
    error: 'messages:message.toolarge',
    message: `The size of '${size}' bytes exceeds the maximal allowed Message size of '${MAX_MESSAGE_BYTES}' bytes.`,
    description: 'Reduce the size of the message in order to be below the allowed size.',
  });
}
