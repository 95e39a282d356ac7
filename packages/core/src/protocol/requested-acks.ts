import { DittoError } from '../errors/ditto-error.js';
import type { ProtocolHeaders } from './envelope.js';
import { headerBoolean, headerStringList, headerValue } from './headers.js';
import type { ProtocolSignal } from './signal.js';
import { parseTimeoutHeader } from './timeout.js';

/** Built-in label fulfilled when a twin modification is persisted. */
export const TWIN_PERSISTED = 'twin-persisted';
/** Built-in label fulfilled by the live response. */
export const LIVE_RESPONSE = 'live-response';
/** Built-in label fulfilled when the search index is updated. */
export const SEARCH_PERSISTED = 'search-persisted';

/** Which built-in label a signal may carry (protocol.md §7). */
export type AckCategory = 'twinModify' | 'live' | 'other';

const MODIFYING_ACTIONS: ReadonlySet<string> = new Set(['create', 'modify', 'merge', 'delete', 'migrate']);

/** `twinModify` for twin create/modify/merge/delete/migrate commands, `live` for live commands and messages, else `other`. */
export function ackCategoryOf(signal: ProtocolSignal): AckCategory {
  if (signal.kind === 'message') return 'live';
  if (signal.kind !== 'command') return 'other';
  if (signal.channel === 'live') return 'live';
  return MODIFYING_ACTIONS.has(signal.action) ? 'twinModify' : 'other';
}

/** The `response-required` header, defaulting to true unless `timeout` is zero. */
export function isResponseRequired(headers: ProtocolHeaders): boolean {
  const explicit = headerBoolean(headerValue(headers, 'response-required'));
  return explicit ?? !isTimeoutZero(headers);
}

/**
 * The effective `requested-acks` of a signal consumed by a connection (protocol.md §7):
 * defaults when the header is absent, `live-response` added/removed for live signals according to
 * `response-required`, and built-in labels not applicable to the signal kind removed.
 */
export function effectiveRequestedAcks(signal: ProtocolSignal, headers: ProtocolHeaders): string[] {
  const category = ackCategoryOf(signal);
  const responseRequired = isResponseRequired(headers);
  const requested = headerStringList(headerValue(headers, 'requested-acks'));
  if (requested === undefined) {
    if (!responseRequired || isTimeoutZero(headers)) return [];
    return category === 'twinModify' ? [TWIN_PERSISTED] : category === 'live' ? [LIVE_RESPONSE] : [];
  }
  const live = onLiveChannel(signal);
  const labels = requested.filter((label) => applicable(label, category, live));
  if (category === 'live') {
    const hasLiveResponse = labels.includes(LIVE_RESPONSE);
    if (responseRequired && labels.length > 0 && !hasLiveResponse) labels.push(LIVE_RESPONSE);
    if (!responseRequired && hasLiveResponse) return labels.filter((label) => label !== LIVE_RESPONSE);
  }
  return labels;
}

/**
 * Header consistency: `timeout: 0` with `response-required: true` or a non-empty `requested-acks` is invalid.
 * @throws DittoError `header.invalid` (400); also for an unparsable `timeout`
 */
export function checkAckHeaders(headers: ProtocolHeaders): void {
  if (!isTimeoutZero(headers)) return;
  const responseRequired = headerBoolean(headerValue(headers, 'response-required')) === true;
  const requested = headerStringList(headerValue(headers, 'requested-acks')) ?? [];
  if (responseRequired || requested.length > 0) {
    throw new DittoError({
      status: 400,
      error: 'header.invalid',
      message: "The value of the header 'timeout' must not be zero if response or acknowledgements are requested.",
      description: 'Verify that the header has the correct syntax and try again.',
    });
  }
}

function isTimeoutZero(headers: ProtocolHeaders): boolean {
  const timeout = headerValue(headers, 'timeout');
  return timeout !== undefined && parseTimeoutHeader(timeout) === 0;
}

function applicable(label: string, category: AckCategory, live: boolean): boolean {
  if (label === LIVE_RESPONSE) return category === 'live';
  // Nothing is persisted for a live signal, live events included: the label could only time out.
  if (label === TWIN_PERSISTED) return !live;
  return true;
}

function onLiveChannel(signal: ProtocolSignal): boolean {
  return signal.kind === 'message' || ((signal.kind === 'command' || signal.kind === 'event') && signal.channel === 'live');
}
