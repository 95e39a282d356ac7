import { errorResponseMessage, twinCommandOutcome } from '@twinlink/core';
import type { DittoError, DittoProtocolMessage, JsonValue, ThingCommandSignal, TopicPath, TwinState } from '@twinlink/core';
import type { PolicyEnforcer } from '../auth/policy-enforcer.js';
import type { TwinApplyResult } from './engine-context.js';
import { TwinEvent } from './twin-event.js';

/** What a handler determined about a thing command, handed to core's §5 rules. */
export interface ThingOutcomeInput {
  readonly state: TwinState;
  /** The value the event carries (new resource, thing or merge patch); the command's value when absent. */
  readonly eventValue?: JsonValue;
  /** The value of a 201 response, already reduced to what the requester may READ. */
  readonly createdValue?: JsonValue;
  readonly revision?: number;
  readonly timestamp?: string;
  /** The policy the event is judged by. */
  readonly enforcer?: PolicyEnforcer;
}

/**
 * Response and event of a thing command per protocol.md §5 (core's `twinCommandOutcome`), carrying
 * all of the command's headers — events need `requested-acks`, `ditto-origin` and the like downstream.
 */
export function thingOutcome(message: DittoProtocolMessage, signal: ThingCommandSignal, input: ThingOutcomeInput): TwinApplyResult {
  const basis: DittoProtocolMessage = input.eventValue === undefined ? message : { ...message, value: input.eventValue };
  const metadata = input.revision === undefined ? {} : { revision: input.revision, timestamp: input.timestamp as string };
  const outcome = twinCommandOutcome(basis, signal, input.state, metadata);
  const headers = message.headers;
  if (outcome.error !== undefined) return { response: { ...outcome.response, headers }, events: [] };
  let response: DittoProtocolMessage = { ...outcome.response, headers };
  if (outcome.responseHasValue && signal.action !== 'retrieve') {
    // A 201 answers with what the requester may READ of the created value, not with the raw command value.
    const value = input.createdValue === undefined ? {} : { value: input.createdValue };
    response = { topic: response.topic, headers, path: response.path, ...value, status: response.status as number };
  }
  if (outcome.event === undefined || input.enforcer === undefined) return { response, events: [] };
  const event = new TwinEvent({ ...outcome.event, headers }, signal.thingId, input.enforcer, signal.resource.segments);
  return { response, events: [event] };
}

/** An error response for a failed command, with the command's headers. */
export function errorResult(error: DittoError, topicPath: TopicPath | undefined, message: DittoProtocolMessage | undefined): TwinApplyResult {
  return { response: errorResponseMessage(error, topicPath, message?.headers ?? {}), events: [] };
}
