import type { DittoError } from '../errors/ditto-error.js';
import type { JsonValue } from '../json/json-value.js';
import type { DittoProtocolMessage, ProtocolHeaders } from './envelope.js';
import { errorResponseMessage } from './error-response.js';
import { headerValue } from './headers.js';
import type { ThingCommandSignal } from './signal.js';
import { resourceNotAccessible, thingConflict, thingNotAccessible } from './thing-errors.js';
import type { EventAction } from './topic-path.js';

/** What the twin holds before a command is applied. */
export interface TwinState {
  readonly thingExists: boolean;
  /** Whether the addressed sub-resource exists (ignored for the thing itself). */
  readonly resourceExists: boolean;
  /** The current (already `fields`-filtered) value of the resource; the body of a retrieve response. */
  readonly currentValue?: JsonValue;
}

/** The decision of protocol.md §5 for one command. */
export interface TwinCommandDecision {
  /** Response status (the error's status on failure). */
  readonly status: number;
  /** Set when the command fails. */
  readonly error?: DittoError;
  /** Whether the response carries a value (201 created value, 200 retrieved value). */
  readonly responseHasValue: boolean;
  /** The event to emit, if any. */
  readonly eventAction?: EventAction;
}

/**
 * protocol.md §5 as a pure function: status, failure and event action of a twin command for the
 * given existence of thing and resource. `migrate` is answered like a modification of the thing
 * (200, event `migrated`).
 */
export function decideTwinCommand(command: ThingCommandSignal, state: TwinState): TwinCommandDecision {
  const { action, resource, thingId } = command;
  const atThing = resource.kind === 'thing';
  const exists = atThing ? state.thingExists : state.thingExists && state.resourceExists;
  const fail = (error: DittoError): TwinCommandDecision => ({ status: error.status, error, responseHasValue: false });
  switch (action) {
    case 'create':
      return state.thingExists ? fail(thingConflict(thingId)) : { status: 201, responseHasValue: true, eventAction: 'created' };
    case 'modify':
      if (atThing) {
        return state.thingExists
          ? { status: 204, responseHasValue: false, eventAction: 'modified' }
          : { status: 201, responseHasValue: true, eventAction: 'created' };
      }
      if (!state.thingExists) return fail(thingNotAccessible(thingId));
      // The policy id always exists, so modifying it never "creates" it.
      return exists || resource.kind === 'policyId'
        ? { status: 204, responseHasValue: false, eventAction: 'modified' }
        : { status: 201, responseHasValue: true, eventAction: 'created' };
    case 'merge':
      if (atThing) return { status: state.thingExists ? 204 : 201, responseHasValue: false, eventAction: 'merged' };
      return state.thingExists ? { status: 204, responseHasValue: false, eventAction: 'merged' } : fail(thingNotAccessible(thingId));
    case 'retrieve':
      if (!state.thingExists) return fail(thingNotAccessible(thingId));
      return exists ? { status: 200, responseHasValue: true } : fail(resourceNotAccessible(thingId, resource));
    case 'delete':
      if (!state.thingExists) return fail(thingNotAccessible(thingId));
      return exists ? { status: 204, responseHasValue: false, eventAction: 'deleted' } : fail(resourceNotAccessible(thingId, resource));
    case 'migrate':
      return state.thingExists ? { status: 200, responseHasValue: false, eventAction: 'migrated' } : fail(thingNotAccessible(thingId));
  }
}

/** Envelopes resulting from a twin command. */
export interface TwinCommandOutcome extends TwinCommandDecision {
  /** The response, or the error response when the command failed. */
  readonly response: DittoProtocolMessage;
  /** The event (`revision`/`timestamp` only when given). */
  readonly event?: DittoProtocolMessage;
}

/** Event metadata set by the twin backend. */
export interface EventMetadata {
  readonly revision?: number;
  readonly timestamp?: string;
}

/**
 * Applies {@link decideTwinCommand} and builds the response (command topic and path plus `status`)
 * and the event (criterion `events`, past-tense action, same path; value = the command value,
 * none for `deleted`). Both carry only the command's `correlation-id`.
 */
export function twinCommandOutcome(
  message: DittoProtocolMessage,
  command: ThingCommandSignal,
  state: TwinState,
  metadata: EventMetadata = {},
): TwinCommandOutcome {
  const decision = decideTwinCommand(command, state);
  const headers = correlationHeaders(message.headers);
  const path = command.resource.path;
  if (decision.error !== undefined) {
    return { ...decision, response: errorResponseMessage(decision.error, command.topicPath, headers) };
  }
  const responseValue = command.action === 'retrieve' ? state.currentValue : message.value;
  const response: DittoProtocolMessage = {
    topic: message.topic,
    headers,
    path,
    ...(decision.responseHasValue && responseValue !== undefined ? { value: responseValue } : {}),
    status: decision.status,
  };
  if (decision.eventAction === undefined) return { ...decision, response };
  const { namespace, name, channel } = command.topicPath;
  const event: DittoProtocolMessage = {
    topic: `${namespace}/${name}/things/${channel ?? 'twin'}/events/${decision.eventAction}`,
    headers,
    path,
    ...(decision.eventAction !== 'deleted' && message.value !== undefined ? { value: message.value } : {}),
    ...(metadata.revision !== undefined ? { revision: metadata.revision } : {}),
    ...(metadata.timestamp !== undefined ? { timestamp: metadata.timestamp } : {}),
  };
  return { ...decision, response, event };
}

function correlationHeaders(headers: ProtocolHeaders): ProtocolHeaders {
  const correlationId = headerValue(headers, 'correlation-id');
  return correlationId === undefined ? {} : { 'correlation-id': correlationId };
}
