import { DittoError, errorResponseMessage, mapInboundMessage, resolveAuthorizationSubjects } from '@twinlink/core';
import type { Connection, ConsumerSpec, InboundMessage, InboundSink, Settlement } from '@twinlink/core';
import type { InboundSinkFactory } from '../connections/connection-engine.js';
import type { ConnectionMonitoring, ConnectionRecorder } from '../observability/connection-monitoring.js';
import type { AckBus } from './ack-bus.js';
import { compiledConnection } from './compiled-connection.js';
import type { CompiledConnection, CompiledSource } from './compiled-connection.js';
import { SignalProcessor } from './signal-processor.js';
import type { ReplyPublisher } from './reply-publisher.js';
import { ACCEPTED, rejected, worseSettlement } from './settle.js';
import type { SignalDispatcher } from './signal-dispatcher.js';
import { earlyReplyHeaders } from './early-reply.js';
import { MAX_MESSAGE_BYTES, messageTooLarge } from './message-size.js';

/** Default of unsettled messages per consumer (architecture.md). */
export const DEFAULT_CAPACITY = 100;

function payloadSize(message: InboundMessage): number {
  if (message.bytePayload !== undefined) return message.bytePayload.byteLength;
  return message.textPayload === undefined ? 0 : Buffer.byteLength(message.textPayload, 'utf8');
}

/** What the inbound pipeline is built from. */
export interface InboundPipelineDeps {
  readonly dispatcher: SignalDispatcher;
  readonly acks: AckBus;
  readonly replies: ReplyPublisher;
  readonly monitoring: ConnectionMonitoring;
  /** Unsettled messages per consumer; default {@link DEFAULT_CAPACITY}. */
  readonly capacity?: number;
}

/** The inbound pipeline as the connection engine's sink factory: one sink per consumer. */
export function inboundPipeline(deps: InboundPipelineDeps): InboundSinkFactory {
  return (connection: Connection, spec: ConsumerSpec) => {
    const compiled = compiledConnection(connection);
    const source = compiled.sources[spec.sourceIndex] as CompiledSource;
    const recorder = deps.monitoring.recorder(connection.id, connection.connectionType);
    return new SourceSink(deps, compiled, source, spec.address, recorder, new SignalProcessor(deps, compiled, source, spec.address, recorder));
  };
}

/**
 * One consumer's entry into the inbound data flow (README steps 1–10): authorization subjects,
 * payload mapping, then every mapped signal through the {@link SignalProcessor}; the settlement is
 * the strictest of the signals' settlements. Never rejects: an unexpected failure settles for
 * redelivery and is logged.
 */
class SourceSink implements InboundSink {
  readonly capacity: number;

  constructor(
    private readonly deps: InboundPipelineDeps,
    private readonly compiled: CompiledConnection,
    private readonly source: CompiledSource,
    /** The consumer's address as configured: metrics and logs are kept per configured address, as in Ditto, not per topic a message came on. */
    private readonly address: string,
    private readonly recorder: ConnectionRecorder,
    private readonly processor: SignalProcessor,
  ) {
    this.capacity = deps.capacity ?? DEFAULT_CAPACITY;
  }

  async deliver(message: InboundMessage): Promise<Settlement> {
    try {
      return await this.process(message);
    } catch (error) {
      this.recorder.record({ direction: 'inbound', type: 'other', address: this.address, success: false, message: `Unexpected failure: ${error instanceof Error ? error.message : String(error)}` });
      return rejected('The message could not be processed.', true);
    }
  }

  private async process(message: InboundMessage): Promise<Settlement> {
    const correlationId = message.headers['correlation-id'];
    const base = { direction: 'inbound' as const, address: this.address, ...(correlationId !== undefined ? { correlationId } : {}) };
    this.recorder.record({ ...base, type: 'consumed', success: true });
    // Checked before parsing: an oversized message is refused without spending memory on mapping it.
    const size = payloadSize(message);
    if (size > MAX_MESSAGE_BYTES) {
      const error = messageTooLarge(size);
      this.recorder.record({ ...base, type: 'mapped', success: false, message: error.message });
      await this.replyEarlyError(error, message);
      return rejected(error.message);
    }
    let subjects: readonly string[];
    try {
      subjects = this.source.dynamicSubjects ? resolveAuthorizationSubjects(this.source.source.authorizationContext, message.headers) : this.source.source.authorizationContext;
    } catch (error) {
      if (!(error instanceof DittoError)) throw error;
      this.recorder.record({ ...base, type: 'mapped', success: false, message: error.message });
      await this.replyEarlyError(error, message);
      return rejected(error.message);
    }
    const outcomes = await mapInboundMessage(this.source.chain, message, { authorizationSubjects: subjects });
    let settlement: Settlement = ACCEPTED;
    const pending: Promise<Settlement>[] = [];
    for (const outcome of outcomes) {
      if (outcome.kind === 'dropped') {
        this.recorder.record({ ...base, type: 'dropped', success: true, message: outcome.log });
      } else if (outcome.kind === 'error') {
        this.recorder.record({ ...base, type: 'mapped', success: false, message: outcome.error.message });
        await this.replyEarlyError(outcome.error, message);
        settlement = worseSettlement(settlement, rejected(outcome.error.message));
      } else {
        this.recorder.record({ ...base, type: 'mapped', success: true });
        for (const mapped of outcome.signals) pending.push(this.processor.process(mapped, message, subjects));
      }
    }
    for (const result of await Promise.all(pending)) settlement = worseSettlement(settlement, result);
    return settlement;
  }

  // Errors before a signal exists are answered with the external headers mapped by the source header mapping.
  private async replyEarlyError(error: DittoError, message: InboundMessage): Promise<void> {
    const headers = earlyReplyHeaders(message, this.source, this.compiled.connection.id);
    await this.deps.replies.publish(this.compiled, this.source, errorResponseMessage(error.toJSON(), undefined, headers), 'error', this.recorder);
  }
}
