import { acknowledgementFromOutcome, errorResponseMessage, headerStringList, isResponseRequired, LIVE_RESPONSE, liveResponseFromOutcome, parseTopicPath, weakAcknowledgementMessage } from '@twinlink/core';
import type { AcknowledgementEntry, DittoProtocolMessage, TopicKind } from '@twinlink/core';
import type { ConnectionRecorder } from '../observability/connection-monitoring.js';
import type { AckBus, AckDelivery } from './ack-bus.js';
import type { CompiledConnection, CompiledTarget } from './compiled-connection.js';
import type { SignalPublishResult } from './publish-signal.js';

/** A target did not get the signal: why, for the weak or failed acknowledgement. */
export type TargetResult = SignalPublishResult | 'skipped';

/** What one connection's targets did with one signal. */
export interface PublishedSignal {
  readonly message: DittoProtocolMessage;
  readonly kind: TopicKind;
  readonly compiled: CompiledConnection;
  readonly requested: ReadonlySet<string>;
  readonly results: readonly TargetResult[];
}

/**
 * http-push answers live messages that require a response with the HTTP response even without an
 * `issuedAcknowledgementLabel` (bindings.md §5), so such a connection issues `live-response` for them.
 */
function answersLiveMessages(message: DittoProtocolMessage, kind: TopicKind, compiled: CompiledConnection): boolean {
  return compiled.connection.connectionType === 'http-push' && kind === 'live-messages' && isResponseRequired(message.headers);
}

/** The label a target issues for a signal, if any. */
function issuedLabelOf(target: CompiledTarget, message: DittoProtocolMessage, kind: TopicKind, compiled: CompiledConnection): string | undefined {
  return target.issuedAck ?? (answersLiveMessages(message, kind, compiled) ? LIVE_RESPONSE : undefined);
}

/** The labels the signal requested that this connection's targets issue. */
export function requestedLabels(message: DittoProtocolMessage, kind: TopicKind, compiled: CompiledConnection): ReadonlySet<string> {
  const implicitLive = answersLiveMessages(message, kind, compiled);
  if (compiled.issuedAcks.size === 0 && !implicitLive) return EMPTY;
  const labels = headerStringList(message.headers['requested-acks']);
  if (labels === undefined || labels.length === 0) return EMPTY;
  return new Set(labels.filter((label) => compiled.issuedAcks.has(label) || (implicitLive && label === LIVE_RESPONSE)));
}

/**
 * Turns the publish outcomes of a connection's targets into the requested acknowledgements
 * (bindings.md §0.5, §5): issued acks carry the external response; `live-response` carries the live
 * response built from it; labels no target issued for this signal are answered with weak acks.
 */
export function issueAcks(published: PublishedSignal, acks: AckBus, recorder: ConnectionRecorder): void {
  const { message, kind, compiled, requested, results } = published;
  const correlationId = message.headers['correlation-id'];
  if (typeof correlationId !== 'string' || !acks.isAwaited(correlationId)) return;
  const issued = new Map<string, AckDelivery | undefined>();
  compiled.targets.forEach((target, index) => {
    const label = issuedLabelOf(target, message, kind, compiled);
    const result = results[index];
    if (label === undefined || !requested.has(label) || result === undefined || result === 'skipped' || issued.has(label)) return;
    const delivery = label === LIVE_RESPONSE ? liveResponseDelivery(message, result, correlationId, target, recorder) : ackDelivery(label, message, result, correlationId, compiled);
    issued.set(label, delivery);
  });
  for (const label of requested) {
    if (issued.has(label)) {
      const delivery = issued.get(label);
      if (delivery !== undefined) acks.deliver(correlationId, delivery);
    } else if (label !== LIVE_RESPONSE) {
      // A weak live response would end the wait for the response another subscriber may still send.
      const weak = weakAcknowledgementMessage({ namespace: '_', name: '_', channel: 'twin' }, label, correlationId);
      acks.deliver(correlationId, { entry: { label, status: 200, headers: weak.headers, ...(weak.value !== undefined ? { payload: weak.value } : {}) } });
    }
  }
}

function ackDelivery(label: string, message: DittoProtocolMessage, result: SignalPublishResult, correlationId: string, compiled: CompiledConnection): AckDelivery {
  const own = { 'correlation-id': correlationId, 'ditto-connection-id': compiled.connection.id };
  if (!result.published) return { entry: { label, status: result.status, headers: own, payload: result.reason } };
  const entry = acknowledgementFromOutcome(label, message.headers, result.outcome);
  return { entry: { ...entry, headers: { ...entry.headers, ...own } } };
}

/** The live response from the publish outcome; `undefined` when the outcome carries none (the requester times out). */
function liveResponseDelivery(message: DittoProtocolMessage, result: SignalPublishResult, correlationId: string, target: CompiledTarget, recorder: ConnectionRecorder): AckDelivery | undefined {
  if (!result.published) {
    if (result.status < 400) return undefined;
    const error = { status: result.status, error: 'connectivity:message.sending.failed', message: result.reason };
    return errorDelivery(errorResponseMessage(error, parseTopicPath(message.topic), { 'correlation-id': correlationId }));
  }
  const outcome = liveResponseFromOutcome(message, result.outcome);
  if (outcome.kind === 'none') return undefined;
  if (outcome.kind === 'response') return { entry: { label: LIVE_RESPONSE, status: outcome.response.status ?? 200 }, response: outcome.response };
  recorder.record({ direction: 'outbound', type: 'acknowledged', address: target.target.address, success: false, correlationId, message: outcome.error.message });
  return errorDelivery(errorResponseMessage(outcome.error.toJSON(), parseTopicPath(message.topic), { 'correlation-id': correlationId }));
}

function errorDelivery(response: DittoProtocolMessage): AckDelivery {
  const entry: AcknowledgementEntry = { label: LIVE_RESPONSE, status: response.status ?? 500, ...(response.value !== undefined ? { payload: response.value } : {}) };
  return { entry, response };
}

const EMPTY: ReadonlySet<string> = new Set();
