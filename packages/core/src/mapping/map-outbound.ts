import type { ExternalMessage } from '../binding-api/external-message.js';
import { DittoError } from '../errors/ditto-error.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import type { DittoProtocolMessage, HeaderValue } from '../protocol/envelope.js';
import { headerString, headerValue } from '../protocol/headers.js';
import { placeholderContextOf } from '../protocol/signal-views.js';
import type { ChainInput } from './map-inbound.js';
import type { MappingChain } from './mapping-chain.js';
import { tooManyMessages, unknownProblem } from './mapping-errors.js';
import type { OutboundMappingOutcome } from './mapping-outcome.js';
import { droppedLog } from './mapping-outcome.js';

/** Per-message inputs of an outbound chain. @public */
export interface OutboundChainInput extends ChainInput {
  /**
   * The placeholder context of the signal for `outgoingConditions` (mapping.md §3 step 4), when the
   * caller has one (e.g. with enrichment data); otherwise it is derived from the message.
   */
  readonly conditionContext?: PlaceholderContext;
}

/**
 * Maps one Ditto Protocol message with every mapper of a target's chain, in order and independently
 * (mapping.md §3): outgoing conditions, mapping, limit. Returns one outcome per mapper; never rejects.
 * @public
 */
export async function mapOutboundMessage(
  chain: MappingChain,
  message: DittoProtocolMessage,
  input: OutboundChainInput = {},
): Promise<OutboundMappingOutcome[]> {
  const now = input.now ?? Date.now();
  const subjects = input.authorizationSubjects ?? [];
  let conditionContext = input.conditionContext;
  const outcomes: OutboundMappingOutcome[] = [];
  for (const entry of chain.mappers) {
    try {
      if (entry.outgoingConditions.length > 0) {
        conditionContext ??= outboundConditionContext(message, chain.connectionId, subjects, now);
        const context = conditionContext;
        if (!entry.outgoingConditions.every((condition) => condition(context))) {
          outcomes.push({ kind: 'dropped', mapperId: entry.id, reason: 'condition', log: droppedLog(entry.id, 'outgoing') });
          continue;
        }
      }
      const produced = await entry.mapper.mapOutbound(message, { mapperId: entry.id, connectionId: chain.connectionId, authorizationSubjects: subjects, now });
      if (produced.length === 0) {
        outcomes.push({ kind: 'dropped', mapperId: entry.id, reason: 'empty', log: droppedLog(entry.id, 'outgoing') });
      } else if (produced.length > chain.limits.maxMappedOutboundMessages) {
        throw tooManyMessages(entry.id, produced.length, chain.limits.maxMappedOutboundMessages);
      } else {
        outcomes.push({ kind: 'mapped', mapperId: entry.id, messages: produced as ExternalMessage[] });
      }
    } catch (error) {
      const contentType = headerValue(message.headers, 'content-type');
      const type = contentType === undefined || contentType === null ? undefined : headerString(contentType);
      outcomes.push({ kind: 'error', mapperId: entry.id, error: error instanceof DittoError ? error : unknownProblem('outbound', entry.id, type, error) });
    }
  }
  return outcomes;
}

function outboundConditionContext(message: DittoProtocolMessage, connectionId: string, subjects: readonly string[], now: number): PlaceholderContext {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers)) {
    Object.defineProperty(headers, name, { value: headerString(message.headers[name] as HeaderValue), enumerable: true, writable: true, configurable: true });
  }
  // `thing-json:` cannot be a function parameter (placeholders.md §1.1), so conditions never read it
  return placeholderContextOf(message, { headers, time: now, request: { subjectIds: subjects }, connectionId, thingJson: null });
}
