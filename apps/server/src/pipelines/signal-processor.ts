import {
  aggregatedAcknowledgementsMessage,
  checkAckHeaders,
  DittoError,
  effectiveRequestedAcks,
  errorResponseMessage,
  evaluateEnforcement,
  LIVE_RESPONSE,
  parseTimeoutHeader,
  headerValue,
  TWIN_PERSISTED,
  unsupportedTopicAndPath,
} from '@twinlink/core';
import type { DittoProtocolMessage, EnforcementEntity, HeaderValue, InboundMessage, MappedSignal, ProtocolSignal, Settlement } from '@twinlink/core';
import type { ConnectionRecorder } from '../observability/connection-monitoring.js';
import { AckCollector } from './ack-collector.js';
import type { CompiledConnection, CompiledSource } from './compiled-connection.js';
import type { InboundPipelineDeps } from './inbound-pipeline.js';
import { correlationIdOf, inboundHeaders } from './inbound-headers.js';
import { forwardToRequester } from './forward-to-requester.js';
import { responseTypeOf } from './reply-publisher.js';
import { ACCEPTED, rejected, settlementOfAcks } from './settle.js';

function entityOf(signal: ProtocolSignal): EnforcementEntity | undefined {
  if ('thingId' in signal) return { type: 'thing', id: signal.thingId };
  if ('policyId' in signal) return { type: 'policy', id: signal.policyId };
  return undefined;
}

/**
 * Inbound steps 5–10 for one mapped signal: headers and acknowledgement requests, enforcement,
 * dispatch (twin engine, live routing, or back to a waiting requester), acknowledgement collection
 * with the `timeout` header, the reply and the settlement.
 */
export class SignalProcessor {
  constructor(
    private readonly deps: InboundPipelineDeps,
    private readonly compiled: CompiledConnection,
    private readonly source: CompiledSource,
    /** The consumer's configured address, under which metrics and logs are kept. */
    private readonly address: string,
    private readonly recorder: ConnectionRecorder,
  ) {}

  async process(mapped: MappedSignal, external: InboundMessage, subjects: readonly string[]): Promise<Settlement> {
    const { signal } = mapped;
    let headers: Record<string, HeaderValue> = mapped.message.headers as Record<string, HeaderValue>;
    let labels: string[];
    try {
      headers = inboundHeaders(mapped.message, external, this.source, this.compiled.connection.id, subjects);
      checkAckHeaders(headers);
      labels = effectiveRequestedAcks(signal, headers);
      if (labels.length > 0 || headerValue(headers, 'requested-acks') !== undefined) headers['requested-acks'] = labels;
      this.enforce(signal, external, headers);
    } catch (error) {
      if (!(error instanceof DittoError)) throw error;
      await this.reply(errorResponseMessage(error.toJSON(), signal.topicPath, headers), 'error');
      return rejected(error.message);
    }
    const command: DittoProtocolMessage = { ...mapped.message, headers };
    return this.dispatch(command, signal, subjects, labels);
  }

  private enforce(signal: ProtocolSignal, external: InboundMessage, headers: Record<string, HeaderValue>): void {
    const enforcement = this.source.source.enforcement;
    if (enforcement === undefined) return;
    const entity = entityOf(signal);
    const record = { direction: 'inbound' as const, type: 'enforced' as const, address: this.address, correlationId: correlationIdOf(headers) };
    const verdict = entity === undefined ? unsupportedTopicAndPath(signal.topicPath.group, '/') : evaluateEnforcement(enforcement, { headers: external.headers, sourceAddress: external.sourceAddress }, entity);
    if (verdict === 'pass') {
      this.recorder.record({ ...record, success: true });
      return;
    }
    this.recorder.record({ ...record, success: false, message: verdict.message });
    throw verdict;
  }

  private async dispatch(command: DittoProtocolMessage, signal: ProtocolSignal, subjects: readonly string[], labels: readonly string[]): Promise<Settlement> {
    const { dispatcher, acks } = this.deps;
    switch (signal.kind) {
      case 'command':
      case 'retrieveThings':
      case 'policyCommand': {
        if ((signal.kind === 'command' || signal.kind === 'retrieveThings') && signal.channel === 'live') break;
        const collector = this.collector(command, labels);
        const response = await dispatcher.applyTwin(command, signal, subjects);
        collector?.add({ label: TWIN_PERSISTED, status: response.status ?? 200, ...(isError(response) && response.value !== undefined ? { payload: response.value } : {}) });
        return this.conclude(command, signal, response, collector);
      }
      case 'commandResponse':
      case 'messageResponse':
      case 'errorResponse':
      case 'acknowledgement':
      case 'acknowledgements':
        return forwardToRequester(command, signal, acks, this.source.declaredAcks, (error) => this.reply(errorResponseMessage(error.toJSON(), signal.topicPath, command.headers), 'error'));
      default:
        break;
    }
    if (signal.kind === 'command' || signal.kind === 'message' || (signal.kind === 'event' && signal.channel === 'live')) {
      const collector = this.collector(command, labels);
      try {
        await dispatcher.routeLive(command, signal, subjects);
      } catch (error) {
        if (!(error instanceof DittoError)) throw error;
        collector?.add({ label: LIVE_RESPONSE, status: error.status });
        return this.conclude(command, signal, errorResponseMessage(error.toJSON(), signal.topicPath, command.headers), collector);
      }
      return this.conclude(command, signal, undefined, collector);
    }
    const error = unsupportedTopicAndPath(command.topic, command.path);
    await this.reply(errorResponseMessage(error.toJSON(), signal.topicPath, command.headers), 'error');
    return rejected(error.message);
  }

  private collector(command: DittoProtocolMessage, labels: readonly string[]): AckCollector | undefined {
    if (labels.length === 0) return undefined;
    const timeout = parseTimeoutHeader(headerValue(command.headers, 'timeout'));
    return new AckCollector(labels, correlationIdOf(command.headers), this.deps.acks, timeout);
  }

  /** Waits for the acknowledgements, publishes the reply and settles (inbound steps 9–10). */
  private async conclude(command: DittoProtocolMessage, signal: ProtocolSignal, response: DittoProtocolMessage | undefined, collector: AckCollector | undefined): Promise<Settlement> {
    if (collector === undefined) {
      if (response !== undefined) await this.reply(response, responseTypeOf(response, false));
      return ACCEPTED;
    }
    const collected = await collector.result();
    const custom = collected.entries.filter((entry) => entry.label !== TWIN_PERSISTED && entry.label !== LIVE_RESPONSE);
    if (custom.length === 0) {
      const reply = collected.liveResponse ?? response ?? timeoutError(command, signal, collected.entries[0]?.payload);
      if (reply !== undefined) await this.reply(reply, responseTypeOf(reply, false));
    } else {
      const entity = { namespace: signal.topicPath.namespace, name: signal.topicPath.name, channel: signal.topicPath.channel ?? 'twin' };
      const aggregated = aggregatedAcknowledgementsMessage(entity, collected.entries, command.headers);
      await this.reply(aggregated, responseTypeOf(aggregated, true));
    }
    return settlementOfAcks(collected.entries);
  }

  private reply(message: DittoProtocolMessage, type: 'response' | 'error' | 'nack'): Promise<void> {
    return this.deps.replies.publish(this.compiled, this.source, message, type, this.recorder);
  }
}

function isError(response: DittoProtocolMessage): boolean {
  return response.status !== undefined && response.status >= 400;
}

function timeoutError(command: DittoProtocolMessage, signal: ProtocolSignal, payload: unknown): DittoProtocolMessage | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const error = payload as { status: number; error: string; message: string; description?: string };
  return errorResponseMessage(error, signal.topicPath, command.headers);
}
