import { headerBoolean } from '@twinlink/core';
import type { DittoProtocolMessage, ResponseType } from '@twinlink/core';
import { RESPONSES_ADDRESS } from '../observability/metrics/metric-types.js';
import type { ConnectionRecorder } from '../observability/connection-monitoring.js';
import type { CompiledConnection, CompiledSource } from './compiled-connection.js';
import type { OutboundPipeline } from './outbound-pipeline.js';
import { publishSignal } from './publish-signal.js';
import type { PublisherRegistry } from './publisher-registry.js';
import { ResponseDiversion } from './response-diversion.js';

/** The response type of a reply (connection-model.md §5.4). */
export function responseTypeOf(message: DittoProtocolMessage, isAcks: boolean): ResponseType {
  const status = message.status ?? 200;
  const ok = status >= 200 && status <= 299;
  if (ok) return 'response';
  return isAcks ? 'nack' : 'error';
}

/**
 * Inbound step 10: a response, error or (aggregated) acknowledgement goes to the source's reply
 * target when its type is expected and the requester did not switch responses off; it is mapped
 * with the mapper that mapped the command and published with the reply target's header mapping
 * and address. An unresolved address drops it (counted under `_responses`). A reply the source
 * connection diverts goes to another connection instead, or as well ({@link ResponseDiversion}).
 */
export class ReplyPublisher {
  private readonly diversion: ResponseDiversion;

  constructor(
    private readonly publishers: PublisherRegistry,
    private readonly outbound: OutboundPipeline,
  ) {
    this.diversion = new ResponseDiversion(publishers, outbound);
  }

  async publish(compiled: CompiledConnection, source: CompiledSource, reply: DittoProtocolMessage, type: ResponseType, recorder: ConnectionRecorder): Promise<void> {
    const replyTarget = source.replyTarget;
    if (replyTarget === undefined || !replyTarget.responseTypes.has(type)) return;
    if (headerBoolean(reply.headers['response-required']) === false) return;
    // As in Ditto, only a reply the reply target expects is diverted.
    if (!(await this.diversion.divert(compiled, source.index, reply, type, recorder))) return;
    const connectionId = compiled.connection.id;
    const publisher = this.publishers.publisherOf(connectionId);
    if (publisher === undefined) {
      recorder.record({ direction: 'outbound', type: 'dropped', address: RESPONSES_ADDRESS, success: false, message: 'Response dropped: no client of the connection is connected.' });
      return;
    }
    const route = {
      connectionId,
      metricAddress: RESPONSES_ADDRESS,
      address: replyTarget.address,
      headerMapping: replyTarget.headerMapping,
      chain: compiled.mappers.replyChain(reply.headers),
      subjects: source.source.authorizationContext,
    };
    await publishSignal(reply, route, this.outbound.toolsOf(compiled.connection, publisher));
  }
}
