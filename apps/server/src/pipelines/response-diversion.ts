import {
  DIVERT_EXPECTED_RESPONSE_TYPES,
  DIVERT_RESPONSE_TO_CONNECTION,
  DIVERTED_RESPONSE_FROM_CONNECTION,
  divertedResponseTypes,
  headerString,
  headerStringList,
  headerValue,
  isValidConnectionId,
} from '@twinlink/core';
import type { DittoProtocolMessage, HeaderValue, ResponseType } from '@twinlink/core';
import type { ConnectionRecorder } from '../observability/connection-monitoring.js';
import { RESPONSES_ADDRESS } from '../observability/metrics/metric-types.js';
import { compiledConnection } from './compiled-connection.js';
import type { CompiledConnection } from './compiled-connection.js';
import { replaceHeader } from './header-record.js';
import { correlationIdOf } from './inbound-headers.js';
import type { OutboundPipeline } from './outbound-pipeline.js';
import { publishSignal } from './publish-signal.js';
import type { PublisherRegistry } from './publisher-registry.js';

/**
 * The connection a reply of `connectionId` is diverted to, or undefined when its headers divert
 * nothing: no `divert-response-to-connection`, a type not among `divert-expected-response-types`,
 * a malformed id or the connection itself (set by a payload mapper, the id was never validated).
 */
export function diversionTargetOf(reply: DittoProtocolMessage, type: ResponseType, connectionId: string): string | undefined {
  const headers = reply.headers;
  // A diverted response is never diverted again (Ditto's guard against diversion chains).
  if (headerValue(headers, DIVERTED_RESPONSE_FROM_CONNECTION) !== undefined) return undefined;
  const divertTo = headerValue(headers, DIVERT_RESPONSE_TO_CONNECTION);
  if (divertTo === undefined || divertTo === null) return undefined;
  const targetId = headerString(divertTo).trim();
  if (!isValidConnectionId(targetId) || targetId === connectionId) return undefined;
  return divertedResponseTypes(headerStringList(headerValue(headers, DIVERT_EXPECTED_RESPONSE_TYPES))).has(type) ? targetId : undefined;
}

/**
 * Response diversion (connection-model.md §10): a reply of a diversion source whose headers name
 * another connection is published by that connection instead, with `diverted-response-from-connection`,
 * through its only target or else its target at the index of the originating source, with that
 * target's payload mapping, header mapping and address, counted and logged by that connection.
 * Ditto drops what cannot be delivered: a connection that is not open or is no diversion target
 * (counted by the source connection), a source it does not authorize or a missing target (counted
 * by the receiving connection).
 */
export class ResponseDiversion {
  constructor(
    private readonly publishers: PublisherRegistry,
    private readonly outbound: OutboundPipeline,
  ) {}

  /**
   * Diverts the reply if its headers ask for it. Resolves whether the reply still goes to the
   * source's reply target: when it was not diverted, or with `preserve-normal-response-via-source`.
   */
  async divert(compiled: CompiledConnection, sourceIndex: number, reply: DittoProtocolMessage, type: ResponseType, recorder: ConnectionRecorder): Promise<boolean> {
    if (!compiled.diversion.isSource) return true;
    const sourceId = compiled.connection.id;
    const targetId = diversionTargetOf(reply, type, sourceId);
    if (targetId === undefined) return true;
    const headers: Record<string, HeaderValue> = { ...reply.headers };
    replaceHeader(headers, DIVERTED_RESPONSE_FROM_CONNECTION, sourceId);
    await this.deliver({ ...reply, headers }, targetId, sourceId, sourceIndex, recorder);
    return compiled.diversion.preserveNormalResponse;
  }

  private async deliver(response: DittoProtocolMessage, targetId: string, sourceId: string, sourceIndex: number, sourceRecorder: ConnectionRecorder): Promise<void> {
    const correlationId = correlationIdOf(response.headers);
    const base = { direction: 'outbound' as const, ...(correlationId !== '' ? { correlationId } : {}) };
    const drop = (recorder: ConnectionRecorder, message: string): void => recorder.record({ ...base, type: 'dropped', address: RESPONSES_ADDRESS, success: false, message });
    const receiver = this.publishers.connectedOne(targetId);
    if (receiver === undefined) return drop(sourceRecorder, `Response diverted to connection '${targetId}' dropped: the connection is not open.`);
    const compiled = compiledConnection(receiver.connection);
    if (!compiled.diversion.isTarget) return drop(sourceRecorder, `Response diverted to connection '${targetId}' dropped: the connection is no diversion target.`);
    const tools = this.outbound.toolsOf(receiver.connection, receiver.publisher);
    if (!compiled.diversion.authorizedSources.has(sourceId)) {
      return drop(tools.recorder, `Diverted response from connection '${sourceId}' dropped: the connection is not in 'authorized-connections-as-sources'.`);
    }
    const target = compiled.targets.length === 1 ? compiled.targets[0] : compiled.targets[sourceIndex];
    if (target === undefined) return drop(tools.recorder, `Diverted response from connection '${sourceId}' dropped: there is no target for source ${sourceIndex}.`);
    tools.recorder.record({ ...base, type: 'dispatched', address: target.target.address, success: true });
    await publishSignal(response, target.route, tools);
  }
}
