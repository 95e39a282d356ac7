import { DittoError } from '@twinlink/core';

/**
 * Largest live message payload, whether consumed from a broker or posted to the HTTP API (Ditto's
 * `limits.messages.max-size`, 250k); things and policies are capped lower by the twin engine.
 */
export const MAX_MESSAGE_BYTES = 250 * 1024;

/** 413 for a message payload of `size` bytes above {@link MAX_MESSAGE_BYTES}: Ditto's `MessagePayloadSizeTooLargeException`, sizes in whole kB. */
export function messageTooLarge(size: number): DittoError {
  return new DittoError({
    status: 413,
    error: 'messages:payload.toolarge',
    message: `The message payload size of '${Math.floor(size / 1024)}' kB exceeds the maximal allowed size of '${MAX_MESSAGE_BYTES / 1024}' kB.`,
    description: 'Reduce the message payload in the bounds of the specified limit',
  });
}
