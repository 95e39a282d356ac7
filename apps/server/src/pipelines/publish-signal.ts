import { applyHeaderMapping, BindingError, headersForExternal, headerString, mapOutboundMessage, mergeMappedHeaders, placeholderContextOf, resolveFirstOrDrop } from '@twinlink/core';
import type { CompiledHeaderMapping, CompiledTemplate, DittoProtocolMessage, HeaderValue, JsonObject, MappingChain, PlaceholderContext, PublishOutcome, Publisher } from '@twinlink/core';
import type { ConnectionRecorder } from '../observability/connection-monitoring.js';
import type { FlowGate } from './flow-gate.js';
import type { PublishDeadlines } from './publish-deadlines.js';

/** Where and how one signal is published: a target or a reply target. */
export interface PublishRoute {
  readonly connectionId: string;
  /** The address as configured (metrics), `_responses` for reply targets. */
  readonly metricAddress: string;
  readonly address: CompiledTemplate;
  readonly headerMapping: CompiledHeaderMapping;
  readonly chain: MappingChain;
  readonly subjects: readonly string[];
  readonly qos?: number;
}

/** What the publishing services are. */
export interface PublishTools {
  readonly publisher: Publisher;
  readonly gate: FlowGate;
  readonly recorder: ConnectionRecorder;
  readonly deadlines: PublishDeadlines;
}

/** The technical outcome of publishing one signal: the first publish's outcome, or why nothing went out. */
export type SignalPublishResult = { readonly published: true; readonly outcome: PublishOutcome } | { readonly published: false; readonly status: number; readonly reason: string };

const NOT_PUBLISHED = (status: number, reason: string): SignalPublishResult => ({ published: false, status, reason });

/** String form of Ditto headers for `header:` placeholders, built once per signal. */
export function stringHeaders(headers: Readonly<Record<string, HeaderValue>>): Record<string, string> {
  // No prototype: a header named `__proto__` is then a plain own property.
  const result = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(headers)) result[name] = headerString(headers[name] as HeaderValue);
  return result;
}

/**
 * Outbound steps 5–8 for one route (README data flow): payload mapping with the route's chain,
 * header mapping (wins over mapper headers), address resolution (unresolved → dropped), publish
 * through the gate. Every step is counted; nothing throws.
 */
export async function publishSignal(message: DittoProtocolMessage, route: PublishRoute, tools: PublishTools, thingJson?: JsonObject): Promise<SignalPublishResult> {
  const { recorder } = tools;
  const correlationId = correlationOf(message);
  const base = { direction: 'outbound' as const, address: route.metricAddress, ...(correlationId !== undefined ? { correlationId } : {}) };
  const external: DittoProtocolMessage = { ...message, headers: headersForExternal(message.headers) };
  const outcomes = await mapOutboundMessage(route.chain, external, { authorizationSubjects: route.subjects });
  let result: SignalPublishResult = NOT_PUBLISHED(200, 'Every payload mapper dropped the signal.');
  let context: PlaceholderContext | undefined;
  for (const outcome of outcomes) {
    if (outcome.kind === 'dropped') {
      recorder.record({ ...base, type: 'dropped', success: true, message: outcome.log });
      continue;
    }
    if (outcome.kind === 'error') {
      recorder.record({ ...base, type: 'mapped', success: false, message: outcome.error.message });
      result = NOT_PUBLISHED(outcome.error.status, outcome.error.message);
      continue;
    }
    recorder.record({ ...base, type: 'mapped', success: true });
    context ??= placeholderContextOf(external, {
      headers: stringHeaders(external.headers),
      connectionId: route.connectionId,
      request: { subjectIds: route.subjects },
      time: true,
      thingJson: thingJson ?? null,
    });
    const address = resolveFirstOrDrop(route.address, context);
    if (address === undefined) {
      recorder.record({ ...base, type: 'dropped', success: false, message: 'Signal dropped, target address unresolved.' });
      result = NOT_PUBLISHED(200, 'The target address did not resolve.');
      continue;
    }
    const mappedHeaders = route.headerMapping.entries.length > 0 ? applyHeaderMapping(route.headerMapping, context) : undefined;
    for (const produced of outcome.messages) {
      const headers = mappedHeaders === undefined ? produced.headers : mergeMappedHeaders(produced.headers, mappedHeaders, 'mapping');
      const sent = await publishOne(tools, { ...produced, headers, address, ...(route.qos !== undefined ? { qos: route.qos } : {}) }, base);
      if (!result.published) result = sent;
    }
  }
  return result;
}

async function publishOne(tools: PublishTools, message: Parameters<Publisher['publish']>[0], base: { direction: 'outbound'; address: string; correlationId?: string }): Promise<SignalPublishResult> {
  const { gate, recorder } = tools;
  const slot = gate.acquire();
  if (!(slot === true || (await slot))) {
    recorder.record({ ...base, type: 'dropped', success: false, message: 'Signal dropped: too many messages waiting for the publisher.' });
    return NOT_PUBLISHED(503, 'Too many messages are waiting for the publisher.');
  }
  try {
    const outcome = await tools.publisher.publish(message, tools.deadlines.signal());
    recorder.record({ ...base, type: 'published', success: true });
    return { published: true, outcome };
  } catch (error) {
    const status = error instanceof BindingError ? error.status : 503;
    recorder.record({ ...base, type: 'published', success: false, message: error instanceof Error ? error.message : String(error) });
    return NOT_PUBLISHED(status, error instanceof Error ? error.message : String(error));
  } finally {
    gate.release();
  }
}

function correlationOf(message: DittoProtocolMessage): string | undefined {
  const value = message.headers['correlation-id'];
  return typeof value === 'string' ? value : undefined;
}
