import { DittoError, isJsonObject, LIVE_RESPONSE } from '@twinlink/core';
import type { DittoProtocolMessage, ProtocolSignal, Settlement } from '@twinlink/core';
import type { AckBus } from './ack-bus.js';
import { correlationIdOf } from './inbound-headers.js';
import { ACCEPTED, rejected } from './settle.js';

function labelNotDeclared(label: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'acknowledgement:label.not.declared',
    message: `Cannot send acknowledgement with label '${label}', which is not declared.`,
    description: "Declare the acknowledgement label in the source's 'declaredAcks'.",
  });
}

/**
 * Inbound step 8 for answers: live responses and acknowledgements consumed from a source go to
 * the request waiting for them, by `correlation-id`. Acknowledgement labels must be declared by
 * the source (`declaredAcks`); others are refused with an error to the reply target.
 */
export async function forwardToRequester(
  message: DittoProtocolMessage,
  signal: ProtocolSignal,
  acks: AckBus,
  declared: ReadonlySet<string>,
  onError: (error: DittoError) => Promise<void>,
): Promise<Settlement> {
  const correlationId = correlationIdOf(message.headers);
  const status = message.status ?? 200;
  if (signal.kind === 'acknowledgement' || signal.kind === 'acknowledgements') {
    const entries = signal.kind === 'acknowledgement' ? [{ label: signal.label, status, value: message.value }] : entriesOf(message);
    for (const entry of entries) {
      if (!declared.has(entry.label)) {
        const error = labelNotDeclared(entry.label);
        await onError(error);
        return rejected(error.message);
      }
    }
    for (const entry of entries) acks.deliver(correlationId, { entry: { label: entry.label, status: entry.status, headers: message.headers, ...(entry.value !== undefined ? { payload: entry.value } : {}) } });
    return ACCEPTED;
  }
  acks.deliver(correlationId, { entry: { label: LIVE_RESPONSE, status }, response: message });
  return ACCEPTED;
}

function entriesOf(message: DittoProtocolMessage): { label: string; status: number; value: DittoProtocolMessage['value'] }[] {
  if (!isJsonObject(message.value)) return [];
  const value = message.value;
  return Object.keys(value).flatMap((label) => {
    const entry = value[label];
    if (!isJsonObject(entry)) return [];
    return [{ label, status: typeof entry['status'] === 'number' ? entry['status'] : 200, value: entry['payload'] }];
  });
}
