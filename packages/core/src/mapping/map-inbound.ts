import type { ExternalMessage } from '../binding-api/external-message.js';
import { DittoError } from '../errors/ditto-error.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import { classifySignal } from '../protocol/classify-signal.js';
import type { DittoProtocolMessage, HeaderValue } from '../protocol/envelope.js';
import { defineHeader, headersFromExternal, headerString } from '../protocol/headers.js';
import { parseTopicPath } from '../protocol/topic-path.js';
import { contentTypeOf } from './content-types.js';
import type { ChainedMapper, MappingChain, MappingLimits } from './mapping-chain.js';
import { headersTooLarge, tooManyMessages, unknownProblem } from './mapping-errors.js';
import type { InboundMappingOutcome, MappedSignal } from './mapping-outcome.js';
import { droppedLog } from './mapping-outcome.js';
import type { MappingContext } from './payload-mapper.js';

/** The internal header remembering which mapper mapped an inbound command (for its responses). @public */
export const INBOUND_PAYLOAD_MAPPER_HEADER = 'ditto-inbound-payload-mapper';

/** Per-message inputs of a mapping chain besides the message. @public */
export interface ChainInput {
  /** Authorization subjects of the source or target (`request:subjectId`). */
  readonly authorizationSubjects?: readonly string[];
  /** "Now" in epoch milliseconds (default: the clock). */
  readonly now?: number;
}

/**
 * Maps one external message with every mapper of a source's chain, in order and independently
 * (mapping.md §2): blocklist, incoming conditions, mapping, limit, conversion to signals. Returns one
 * outcome per mapper; never rejects.
 * @public
 */
export async function mapInboundMessage(chain: MappingChain, message: ExternalMessage, input: ChainInput = {}): Promise<InboundMappingOutcome[]> {
  const now = input.now ?? Date.now();
  const subjects = input.authorizationSubjects ?? [];
  const contentType = contentTypeOf(message);
  let conditionContext: PlaceholderContext | undefined;
  const outcomes: InboundMappingOutcome[] = [];
  for (const entry of chain.mappers) {
    if (contentType !== undefined && entry.blocklist.has(contentType)) {
      outcomes.push({ kind: 'dropped', mapperId: entry.id, reason: 'blocklisted', log: droppedLog(entry.id, 'incoming') });
      continue;
    }
    try {
      if (entry.incomingConditions.length > 0) {
        conditionContext ??= inboundConditionContext(message, chain.connectionId, subjects, now);
        const context = conditionContext;
        if (!entry.incomingConditions.every((condition) => condition(context))) {
          outcomes.push({ kind: 'dropped', mapperId: entry.id, reason: 'condition', log: droppedLog(entry.id, 'incoming') });
          continue;
        }
      }
      outcomes.push(await runMapper(entry, message, { mapperId: entry.id, connectionId: chain.connectionId, authorizationSubjects: subjects, now }, chain.limits));
    } catch (error) {
      outcomes.push({ kind: 'error', mapperId: entry.id, error: error instanceof DittoError ? error : unknownProblem('inbound', entry.id, contentType, error) });
    }
  }
  return outcomes;
}

async function runMapper(entry: ChainedMapper, message: ExternalMessage, context: MappingContext, limits: MappingLimits): Promise<InboundMappingOutcome> {
  const produced = await entry.mapper.mapInbound(message, context);
  if (produced.length === 0) return { kind: 'dropped', mapperId: entry.id, reason: 'empty', log: droppedLog(entry.id, 'incoming') };
  if (produced.length > limits.maxMappedInboundMessages) throw tooManyMessages(entry.id, produced.length, limits.maxMappedInboundMessages);
  const signals: MappedSignal[] = produced.map((mapped) => toSignal(mapped, entry.id, limits.maxHeaderBytes));
  return { kind: 'mapped', mapperId: entry.id, signals };
}

// mapping.md §2 step 4: internal headers never come from outside; the mapper id is remembered.
function toSignal(mapped: DittoProtocolMessage, mapperId: string, maxHeaderBytes: number): MappedSignal {
  const headers = headersFromExternal(mapped.headers);
  defineHeader(headers, INBOUND_PAYLOAD_MAPPER_HEADER, mapperId);
  if (headerSize(headers) > maxHeaderBytes) throw headersTooLarge(maxHeaderBytes);
  const message: DittoProtocolMessage = { ...mapped, headers };
  return { message, signal: classifySignal(message, parseTopicPath(message.topic)) };
}

function headerSize(headers: Readonly<Record<string, HeaderValue>>): number {
  let size = 0;
  for (const name of Object.keys(headers)) size += name.length + headerString(headers[name] as HeaderValue).length;
  return size;
}

function inboundConditionContext(message: ExternalMessage, connectionId: string, subjects: readonly string[], now: number): PlaceholderContext {
  return {
    headers: message.headers,
    time: now,
    request: { subjectIds: subjects },
    connectionId,
    thingId: null,
    entityId: null,
    featureId: null,
    topic: null,
    resource: null,
    thingJson: null,
  };
}
