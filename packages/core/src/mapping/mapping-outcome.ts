import type { ExternalMessage } from '../binding-api/external-message.js';
import type { DittoError } from '../errors/ditto-error.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import type { ProtocolSignal } from '../protocol/signal.js';

/** Why a mapper produced nothing: its content-type blocklist, a condition, or an empty result. @public */
export type DropReason = 'blocklisted' | 'condition' | 'empty';

/** One Ditto Protocol message produced inbound, with its classified signal. @public */
export interface MappedSignal {
  /** The message, headers including `ditto-inbound-payload-mapper`. */
  readonly message: DittoProtocolMessage;
  /** What kind of signal it is. */
  readonly signal: ProtocolSignal;
}

/** A mapper that produced nothing: counted `dropped`, logged with `log`. @public */
export interface DroppedOutcome {
  readonly kind: 'dropped';
  readonly mapperId: string;
  readonly reason: DropReason;
  /** The connection log text. */
  readonly log: string;
}

/** A mapper that failed: counted as `mapped` failure; inbound the error goes to the reply target. @public */
export interface FailedOutcome {
  readonly kind: 'error';
  readonly mapperId: string;
  readonly error: DittoError;
}

/** What one mapper made of one external message (mapping.md §2). @public */
export type InboundMappingOutcome =
  | { readonly kind: 'mapped'; readonly mapperId: string; readonly signals: readonly MappedSignal[] }
  | DroppedOutcome
  | FailedOutcome;

/** What one mapper made of one Ditto Protocol message (mapping.md §3). @public */
export type OutboundMappingOutcome =
  | { readonly kind: 'mapped'; readonly mapperId: string; readonly messages: readonly ExternalMessage[] }
  | DroppedOutcome
  | FailedOutcome;

/** The log text of a dropped outcome. */
export function droppedLog(mapperId: string, direction: 'incoming' | 'outgoing'): string {
  return `Payload mapping of mapper ${mapperId} returned null, ${direction} message is dropped`;
}
